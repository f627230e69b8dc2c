// @ts-check
// `npm run generate:watch`: runs generate, then regenerates on every save under spec/ (or of
// redocly.yaml, .spectral.yaml). The types come first: the spec is bundled and linted (Redocly,
// layout, OWASP), and only if the lint passes are generated/schema.ts and operations.ts rewritten,
// so the editor sees the new types while the rest runs: the whole generate (docs, package),
// transactional as ever. A rejected edit prints its problems with
// file:line and writes nothing; watching goes on.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate, underLock } from './generate.mjs';
import { interrupted, isMain, runScript } from './lib/cli.mjs';
import { operationsStep } from './lib/operations.mjs';
import { failureText, log, runTitled, StepError } from './lib/steps.mjs';
import { types } from './lib/types.mjs';
import { watchSpec } from './lib/watch.mjs';
import { loadSpec, SPEC_CHECKS } from './lint.mjs';

/** The files the fast path writes, relative to the project. */
const FAST_FILES = ['generated/schema.ts', 'generated/operations.ts'];

/**
 * How a file's text changed, in lines: `+3 −1 lines`.
 * @param {string} before
 * @param {string} after
 */
function lineChange(before, after) {
  const counts = new Map();
  for (const line of before.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of after.split('\n')) {
    if (counts.get(line)) counts.set(line, counts.get(line) - 1);
    else added += 1;
  }
  const removed = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return `+${added} −${removed} lines`;
}

/**
 * The fast path: bundles the spec, runs every lint check on it, and only then writes the types and
 * the operation table into generated/, each file only if its text changed (written aside and
 * renamed, so an editor never reads half a file). Resolves with the files that changed; throws a
 * StepError with the problems (and writes nothing) when a check fails.
 * @param {string} root
 * @returns {Promise<{ file: string, before: string, after: string }[]>}
 */
export async function refreshTypes(root) {
  return underLock(root, async () => {
    const bundle = await loadSpec(root);
    // Every lint check, Spectral's too: generated/ never gets types of a spec the full run rejects.
    for (const [, check] of SPEC_CHECKS) await check({ root, bundle });
    const scratch = path.join(root, 'dist', `.generate-${process.pid}`);
    await types({ root, bundle, scratch });
    await operationsStep({ root, bundle, scratch });
    const changed = [];
    for (const file of FAST_FILES) {
      const after = await readFile(path.join(scratch, file), 'utf8');
      const target = path.join(root, file);
      const before = await readFile(target, 'utf8').catch(() => '');
      if (before === after) continue;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(`${target}.tmp`, after);
      await rename(`${target}.tmp`, target);
      changed.push({ file, before, after });
    }
    return changed;
  });
}

/**
 * One watch cycle after `changed` files were saved: the types first, then the whole pipeline.
 * Resolves with whether the types were written and the full run passed.
 * @param {string} root
 * @param {string[]} changed
 */
async function cycle(root, changed) {
  log(`\n${changed.join(', ')} changed\n`);
  const started = performance.now();
  let typesWritten = false;
  try {
    const written = await refreshTypes(root);
    typesWritten = true;
    const took = `${Math.round(performance.now() - started)} ms`;
    if (written.length === 0) log(`types: unchanged (${took})\n`);
    for (const { file, before, after } of written)
      log(`types: ${file} updated, ${lineChange(before, after)} (${took})\n`);
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    log(`types: not written, the spec has problems:\n${failureText(error).trimEnd()}\n`);
    log('watching spec/ (Ctrl+C stops)\n');
    return { typesWritten, generated: false };
  }
  const generated = (await runTitled('generate', () => generate({ root }))) === 0;
  log('watching spec/ (Ctrl+C stops)\n');
  return { typesWritten, generated };
}

/** @typedef {{ changed: string[], typesWritten: boolean, generated: boolean }} Cycle how one save's cycle ended */

/**
 * Runs generate on root, then watches it; `onCycle` hears how each save's cycle ended. Resolves,
 * once watching, with a function that stops it.
 * @param {{ root: string, onCycle?: (result: Cycle) => void }} options
 */
export async function generateWatch({ root, onCycle }) {
  await runTitled('generate', () => generate({ root }));
  /** @type {() => Promise<void>} */
  let stop = async () => {};
  await new Promise((ready) => {
    // The cycle runs first: `onCycle?.(...)` would skip evaluating its argument without a listener.
    const run = async (/** @type {string[]} */ changed) => {
      const result = await cycle(root, changed);
      onCycle?.({ changed, ...result });
    };
    stop = watchSpec(root, run, { onReady: () => ready(undefined) });
  });
  return stop;
}

/** `npm run generate:watch` on the project in root: runs until interrupted. */
export const cli = {
  title: 'generate:watch',
  async run(/** @type {string[]} */ _args, /** @type {string} */ root) {
    const stop = await generateWatch({ root });
    // Listening before the line that says Ctrl+C stops it: a Ctrl+C right after it must stop the
    // watcher (and print "done"), not kill the process mid-write.
    const stopped = interrupted();
    log('watching spec/ (Ctrl+C stops)\n');
    await stopped;
    await stop();
  },
};

if (isMain(import.meta.url)) await runScript(cli);
