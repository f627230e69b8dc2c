// @ts-check
// `npm run generate:check` (CI): regenerates and fails when generated/ differs from what is
// committed, new untracked files included, which `git diff --quiet` alone would miss.
import './lib/prestart.mjs'; // first: starts the worker lanes before the heavy modules below load
import { execFileSync } from 'node:child_process';
import { generate } from './generate.mjs';
import { runScript } from './lib/cli.mjs';
import { StepError } from './lib/steps.mjs';

await runScript({
  title: 'generate:check',
  async run() {
    await generate();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'generated'], {
      encoding: 'utf8',
    });
    if (status.trim() !== '') {
      throw new StepError(
        `generated/ is out of date with spec/:\n${status.trimEnd()}\n` +
          'Fix: run `npm run generate` and commit generated/ (never edit generated files by hand).',
      );
    }
  },
});
