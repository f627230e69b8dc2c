// @ts-check
// `npm run generate:watch`: runs generate, then keeps running and regenerates on every save under
// spec/ (or of redocly.yaml, .spectral.yaml). The types come first: the spec is bundled as it is
// and generated/schema.ts and operations.ts are rewritten at once (a few hundred ms), so the
// editor sees the new types while the slower checks run: the whole generate (lint, OWASP, the
// breaking-change gate, docs, package), atomic as ever. A broken edit prints its error with
// file:line and watching goes on; the pipeline's worker lanes stay warm between saves.
import { performance } from 'node:perf_hooks';
import { generate, refreshTypes } from './generate.mjs';
import { log, runTitled, StepError } from './lib/steps.mjs';
import { watchSpec } from './lib/watch.mjs';

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
 * Regenerates after `changed` files were saved: types first, then the whole pipeline.
 * @param {string} root
 * @param {string[]} changed
 */
async function regenerate(root, changed) {
  log(`\n${changed.join(', ')} changed\n`);
  const started = performance.now();
  try {
    const written = await refreshTypes(root);
    const took = `${Math.round(performance.now() - started)} ms`;
    if (written.length === 0) log(`types: unchanged (${took})\n`);
    for (const { file, before, after } of written)
      log(`types: ${file} updated, ${lineChange(before, after)} (${took})\n`);
  } catch (error) {
    // The lint below reports the problem with its file and line (and any other problem too).
    if (!(error instanceof StepError)) throw error;
    log(`types: not updated, the spec does not bundle (${Math.round(performance.now() - started)} ms)\n`);
  }
  await runTitled('generate', () => generate({ root }));
  log('watching spec/ (Ctrl+C stops)\n');
}

const root = process.cwd();
await runTitled('generate', () => generate({ root }));
watchSpec(root, (changed) => regenerate(root, changed));
log('watching spec/ (Ctrl+C stops)\n');
