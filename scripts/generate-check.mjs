// @ts-check
// `npm run generate:check` (CI): regenerates and fails when generated/ differs from what is
// committed, new untracked files included, which `git diff --quiet` alone would miss. Like every
// run, it first recovers the move of a run that was killed (lib/move.mjs).
import { execFileSync } from 'node:child_process';
import { generate } from './generate.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { StepError } from './lib/steps.mjs';

/** What generate writes that is committed: generated/ and the decisions table. */
const CHECKED = ['generated', 'docs/decisions.md'];

/**
 * Regenerates root and fails when generated/ is not what is committed.
 * @param {{ root: string }} options
 */
export async function generateCheck({ root }) {
  await generate({ root });
  const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...CHECKED], {
    cwd: root,
    encoding: 'utf8',
  });
  if (status.trim() !== '') {
    throw new StepError(
      `generated files are out of date with spec/:\n${status.trimEnd()}\n` +
        'Fix: run `npm run generate` and commit generated/ and docs/decisions.md (never edit them by hand).',
    );
  }
}

/** `npm run generate:check` on the project in root. */
export const cli = {
  title: 'generate:check',
  run: (/** @type {string[]} */ _args, /** @type {string} */ root) => generateCheck({ root }),
};

if (isMain(import.meta.url)) await runScript(cli);
