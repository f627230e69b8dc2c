// @ts-check
// The bench's child processes and bundles: servers started as `node <script>` that announce
// themselves on stdout, one-shot programs that print JSON, and esbuild bundles for Node, with the
// project's pinned esbuild (the one test/package/size.test.ts measures with, not the copy orval
// brought into bench/node_modules).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './paths.mjs';

/** @type {typeof import('esbuild')} */
export const esbuild = createRequire(path.join(ROOT, 'package.json'))('esbuild');

/**
 * Bundles entry into outfile as an ES module for Node 20; `extra` adds or overrides options.
 * @param {string} entry
 * @param {string} outfile
 * @param {import('esbuild').BuildOptions} [extra]
 */
export function bundleForNode(entry, outfile, extra = {}) {
  return esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    ...extra,
  });
}

/**
 * Starts `node <script> <args>` and resolves, once its stdout matches `ready`, with the match and
 * a stop function; rejects if it exits first.
 * @param {string} script
 * @param {string[]} args
 * @param {RegExp} ready
 * @returns {Promise<{ match: RegExpExecArray, stop(): void }>}
 */
export function startChild(script, args, ready) {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(new Error(`node ${path.relative(ROOT, script)} exited with ${code} before it was ready`)),
    );
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) resolve({ match, stop: () => child.kill() });
    });
  });
}

/**
 * Runs `node args` and resolves with its stdout parsed as JSON.
 * @param {string[]} args
 * @returns {Promise<any>}
 */
export function jsonFromNode(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`node ${args.join(' ')} exited with ${code}`)),
    );
  });
}
