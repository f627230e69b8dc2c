// @ts-check
// Regeneration: our whole `npm run generate` after a spec edit, against the codegen alone of
// hey-api and orval on the same spec (the bundle our run just wrote); and watch mode's time from
// saving a spec file to a fresh generated/schema.ts.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { heyApi, orval, ourGenerate } from './codegen.mjs';
import { PIPELINE_NODE_OPTIONS, ROOT, WORK_DIR } from './paths.mjs';
import { median } from './stats.mjs';
import { MACHA_OPERATIONS, syntheticProject } from './synthetic.mjs';

const EDITED = path.join('spec', 'components', 'schemas', 'Tool.yaml');
const DESCRIPTION = 'description: A tool a connector exposes to agents.';

/**
 * Rewrites the Tool schema's description with a marker (a real edit: the types change).
 * @param {string} project
 * @param {string} marker
 */
function editSpec(project, marker) {
  const file = path.join(project, EDITED);
  const text = readFileSync(file, 'utf8');
  const line = new RegExp(`^${DESCRIPTION.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\n]*`, 'm');
  // Without it every run would regenerate an unedited spec and time nothing real.
  if (!line.test(text))
    throw new Error(
      `bench: ${EDITED} no longer has the line "${DESCRIPTION}" that the regeneration benchmark edits; ` +
        'update DESCRIPTION in bench/lib/regenerate.mjs',
    );
  writeFileSync(file, text.replace(line, `${DESCRIPTION} (${marker})`));
}

/** @typedef {import('./timed.mjs').Timed} Timed */

/**
 * Medians of repeated runs.
 * @param {Timed[]} runs
 */
export function summary(runs) {
  return {
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    maxRssKiB: median(runs.map((run) => run.maxRssKiB)),
    runs: runs.length,
  };
}

/**
 * Our generate and the peers' codegen, `runs` times each, interleaved; after one unmeasured run
 * of each (disk caches, and our generated/ for the peers' input).
 * @param {{ runs: number }} options
 */
export async function regeneration({ runs }) {
  const project = syntheticProject(ROOT, MACHA_OPERATIONS);
  const input = path.join(project, 'generated', 'openapi.yaml');
  const out = (/** @type {string} */ name) => path.join(WORK_DIR, 'regen', name);
  try {
    await ourGenerate(project);
    await heyApi(input, out('hey-api'));
    await orval(input, out('orval'));
    /** @type {Record<'ours' | 'heyApi' | 'orval', Timed[]>} */
    const measured = { ours: [], heyApi: [], orval: [] };
    for (let run = 0; run < runs; run += 1) {
      editSpec(project, `edit ${run}`);
      measured.ours.push(await ourGenerate(project));
      measured.heyApi.push(await heyApi(input, out('hey-api')));
      measured.orval.push(await orval(input, out('orval')));
    }
    return { ours: summary(measured.ours), heyApi: summary(measured.heyApi), orval: summary(measured.orval) };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/**
 * Which step of `generate` costs what after an edit: the median, over `runs` runs, of each step's
 * own report (`✔ name  123 ms`), plus the process's whole wall time (module loading included).
 * @param {{ runs: number }} options
 * @returns {Record<string, number>} step name → median ms
 */
export function stepCosts({ runs }) {
  const project = syntheticProject(ROOT, MACHA_OPERATIONS);
  try {
    /** @type {Record<string, number[]>} */
    const times = {};
    for (let run = 0; run <= runs; run += 1) {
      editSpec(project, `step costs ${run}`);
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        [...PIPELINE_NODE_OPTIONS, path.join(ROOT, 'scripts', 'generate.mjs')],
        {
          cwd: project,
          encoding: 'utf8',
        },
      );
      if (result.status !== 0) throw new Error(`bench: generate failed:\n${result.stderr.slice(-2000)}`);
      if (run === 0) continue; // unmeasured: disk caches
      const lines = [...result.stderr.matchAll(/^✔ (.+?)\s+(\d+) ms$/gm)];
      for (const [, name = '', ms = '0'] of lines) (times[name.trim()] ??= []).push(Number(ms));
      (times['whole process (wall)'] ??= []).push(performance.now() - started);
    }
    return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, Math.round(median(values))]));
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/**
 * Watch mode: `saves` edits of a schema, each timed from the write to the moment
 * generated/schema.ts holds it (polled every 2 ms); the next edit waits until the whole
 * regeneration that follows has finished.
 * @param {{ saves: number }} options
 */
export async function watchLatency({ saves }) {
  const project = syntheticProject(ROOT, MACHA_OPERATIONS);
  const child = spawn(process.execPath, [...PIPELINE_NODE_OPTIONS, path.join(ROOT, 'scripts', 'generate-watch.mjs')], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const cycles = () => output.split('watching spec/').length - 1;
  /** @param {() => boolean} done @param {string} what */
  const until = async (done, what) => {
    for (const started = performance.now(); !done(); await sleep(2)) {
      if (performance.now() - started > 120_000)
        throw new Error(`watch benchmark: no ${what} after 120 s:\n${output.slice(-2000)}`);
    }
  };
  try {
    await until(() => cycles() === 1, 'first generate');
    const schema = path.join(project, 'generated', 'schema.ts');
    const latencies = [];
    for (let save = 1; save <= saves; save += 1) {
      const marker = `save ${save}`;
      const started = performance.now();
      editSpec(project, marker);
      await until(() => readFileSync(schema, 'utf8').includes(marker), `types for ${marker}`);
      latencies.push(performance.now() - started);
      await until(() => cycles() === save + 1, `regeneration after ${marker}`);
    }
    return { medianMs: median(latencies), latencies };
  } finally {
    child.kill();
    rmSync(project, { recursive: true, force: true });
  }
}
