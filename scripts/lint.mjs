// @ts-check
// `npm run lint`: Redocly's lint with the project's rules (redocly.yaml), then the layout checks
// Redocly cannot see, then Spectral's OWASP API security rules (.spectral.yaml), then the
// breaking-change gate. Any problem fails: the project allows zero warnings. Everything runs in
// this process, Spectral in a worker thread that starts at once and works while Redocly lints;
// reports still come in that order, and Spectral's only when Redocly passes.
import './lib/prestart.mjs'; // first: starts the worker lanes before the heavy modules below load
import path from 'node:path';
import { breakingGate } from './lib/breaking/gate.mjs';
import { checkLayout, refCycles } from './lib/layout.mjs';
import { loadApis, redoclyBundle, redoclyLint } from './lib/redocly.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { begin, logSink, step, StepError } from './lib/steps.mjs';
import { callInWorker } from './lib/workers.mjs';

const SPECTRAL = new URL('./lib/spectral.mjs', import.meta.url);

/**
 * Lints the spec of the project in root (default: the current directory); throws a StepError on
 * any problem. Resolves with the spec's bundle, made once for the breaking-change gate and reused
 * by generate.
 * @param {{ root?: string }} [options]
 * @returns {Promise<{ parsed: Record<string, any>, yaml: string }>}
 */
export async function lint(options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  const owasp = begin(() => callInWorker('spectral', SPECTRAL, 'spectralLint', { root }));
  const api = await step('lint (redocly)', async () => {
    try {
      const apis = await loadApis(root);
      await redoclyLint(root, apis);
      return /** @type {import('./lib/redocly.mjs').Api} */ (apis[0]);
    } catch (error) {
      // Redocly reports a circular $ref chain without naming a file: name it.
      const cycles = await refCycles(path.join(root, 'spec'), root);
      if (cycles.length > 0 && error instanceof StepError) throw new StepError(`${cycles.join('\n')}\n\n${error.message}`);
      throw error;
    }
  });
  await step('lint (layout)', () => checkLayout(path.join(root, 'spec'), root));
  await step('lint (spectral owasp)', owasp);
  // The versioning policy: the spec as edited, bundled afresh, against the latest release.
  return step('breaking changes', async () => {
    const bundle = await redoclyBundle(root, api);
    await breakingGate(logSink, { root, current: bundle.parsed });
    return bundle;
  });
}

/** `npm run lint` on the project in root. */
export const cli = { title: 'lint', run: (/** @type {string[]} */ _args, /** @type {string} */ root) => lint({ root }) };

if (isMain(import.meta.url)) await runScript(cli);
