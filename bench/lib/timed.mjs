// @ts-check
// Runs a Node program as a child process and measures it: wall time from start to exit, and (from
// measure.cjs, preloaded into it and any Node process it starts) its peak resident memory and CPU
// time, whatever the program is.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const MEASURE = path.join(import.meta.dirname, 'measure.cjs');

/**
 * @typedef {{ wallMs: number, cpuMs: number, maxRssKiB: number }} Timed
 */

/**
 * Runs `node <args>` in cwd; resolves with its measures. Rejects, with its output, when it exits
 * non-zero.
 * @param {string[]} args
 * @param {{ cwd: string }} options
 * @returns {Promise<Timed>}
 */
export function timedNode(args, options) {
  const dir = mkdtempSync(path.join(tmpdir(), 'macha-measure-'));
  const file = path.join(dir, 'measure.jsonl');
  // NODE_OPTIONS, not an argument: a tool's launcher may run the real work in a child process.
  const nodeOptions = `--require ${MEASURE} ${process.env.NODE_OPTIONS ?? ''}`.trim();
  const env = { ...process.env, NODE_OPTIONS: nodeOptions, BENCH_MEASURE_FILE: file, NO_COLOR: '1', FORCE_COLOR: '0' };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = performance.now() - started;
      let lines = [];
      try {
        lines = readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line));
      } catch {
        // No measure: the process died before its exit handler.
      }
      rmSync(dir, { recursive: true, force: true });
      const measured = {
        wallMs,
        // The program's own processes (a tool may start more than one): CPU adds up, memory peaks.
        cpuMs: lines.reduce((sum, line) => sum + line.cpuMs, 0),
        maxRssKiB: Math.max(0, ...lines.map((line) => line.maxRssKiB)),
      };
      if (status !== 0)
        reject(new Error(`node ${args.join(' ')} exited with ${status} in ${options.cwd}:\n${output.slice(-3000)}`));
      else resolve(measured);
    });
  });
}
