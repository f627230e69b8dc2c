// @ts-check
// `npm run build` (and `prepack`): builds the client package into dist/package from src/ and the
// committed generated/ files, without regenerating them.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { isMain, runScript } from './lib/cli.mjs';
import { buildPackage } from './lib/package.mjs';
import { step } from './lib/steps.mjs';

/**
 * Builds root/dist/package.
 * @param {{ root: string }} options
 */
export async function build({ root }) {
  await rm(path.join(root, 'dist', 'package'), { recursive: true, force: true });
  await step('package (tsc → dist/package)', () => buildPackage({ root }));
}

/** `npm run build` on the project in root. */
export const cli = {
  title: 'build',
  run: (/** @type {string[]} */ _args, /** @type {string} */ root) => build({ root }),
};

if (isMain(import.meta.url)) await runScript(cli);
