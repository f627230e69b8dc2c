// @ts-check
// `npm run lint`: Redocly's lint with the project's rules (redocly.yaml), then the layout checks
// Redocly cannot see, then Spectral's OWASP API security rules (.spectral.yaml), then the
// breaking-change gate. Any problem fails: the project allows zero warnings. Everything runs in
// this process, Spectral in a worker thread (loaded ahead, see lib/prestart.mjs) that lints once
// Redocly has passed while the main thread goes on; reports come in that order.
import './lib/prestart.mjs'; // first: starts the worker lanes before the heavy modules below load
import path from 'node:path';
import { breakingGate } from './lib/breaking/gate.mjs';
import { checkLayout, refCycles } from './lib/layout.mjs';
import { assertMarkdownHtml } from './lib/markdown-html.mjs';
import { loadApis, redoclyBundle, redoclyLint } from './lib/redocly.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { begin, logSink, step, StepError } from './lib/steps.mjs';
import { callInWorker } from './lib/workers.mjs';

const SPECTRAL = new URL('./lib/spectral.mjs', import.meta.url);

/** @typedef {{ parsed: Record<string, any>, yaml: string }} Bundle the spec bundled: the document and its YAML text */

/**
 * Lints the spec of the project in root (default: the current directory); throws a StepError on
 * any problem. Resolves with the spec's bundle, made once by Redocly for the breaking-change gate
 * and reused by generate, which gets it through `onBundle` as soon as Redocly has passed (to start
 * the types while the other checks run; it must keep nothing of that work if lint then fails).
 * Spectral starts once Redocly has passed, in its worker lane, while the main thread checks the
 * layout and bundles.
 * @param {{ root?: string, onBundle?: (bundle: Bundle) => void }} [options]
 * @returns {Promise<Bundle>}
 */
export async function lint(options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  const bundle = await step('lint (redocly)', async () => {
    try {
      const [api] = await loadApis(root);
      await redoclyLint(root, [/** @type {import('./lib/redocly.mjs').Api} */ (api)]);
      return await redoclyBundle(root, /** @type {import('./lib/redocly.mjs').Api} */ (api));
    } catch (error) {
      // Redocly reports a circular $ref chain without naming a file: name it.
      const cycles = await refCycles(path.join(root, 'spec'), root);
      if (cycles.length > 0 && error instanceof StepError)
        throw new StepError(`${cycles.join('\n')}\n\n${error.message}`);
      throw error;
    }
  });
  const owasp = begin(() => callInWorker('spectral', SPECTRAL, 'spectralLint', { root }));
  options.onBundle?.(bundle);
  await step('lint (layout)', () => checkLayout(path.join(root, 'spec'), root));
  await step('lint (markdown html)', () => assertMarkdownHtml({ root, bundle: bundle.parsed }));
  await step('lint (spectral owasp)', owasp);
  // The versioning policy: the spec as edited (this bundle) against the latest release.
  await step('breaking changes', () => breakingGate(logSink, { root, current: bundle.parsed }));
  return bundle;
}

/** `npm run lint` on the project in root. */
export const cli = {
  title: 'lint',
  run: (/** @type {string[]} */ _args, /** @type {string} */ root) => lint({ root }),
};

if (isMain(import.meta.url)) await runScript(cli);
