// @ts-check
// `npm run check:breaking`: the current spec against the latest release in releases/, one line per
// difference, exit 1 on a breaking change unless info.version starts a new major version.
import { breakingGate } from './lib/breaking/gate.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { sinkOr } from './lib/steps.mjs';

/**
 * The gate on the project in root: one line per difference to `out`, a StepError on a breaking
 * change that info.version does not allow.
 * @param {string} root
 * @param {{ out?: { write(text: string): unknown } }} [options]
 */
export function checkBreaking(root, options = {}) {
  return breakingGate(options.out ?? sinkOr(process.stdout), { root });
}

/** `npm run check:breaking` on the project in root; the report goes to stdout. */
export const cli = {
  title: 'check:breaking',
  run: (/** @type {string[]} */ _args, /** @type {string} */ root) => checkBreaking(root),
};

if (isMain(import.meta.url)) await runScript(cli);
