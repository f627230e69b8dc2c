// @ts-check
// `npm run generate:check` (CI): regenerates and fails when generated/ differs from what is
// committed, new untracked files included, which `git diff --quiet` alone would miss.
import { execFileSync } from 'node:child_process';
import { generate } from './generate.mjs';
import { runCommand, StepError } from './lib/steps.mjs';
import { stopWorkers } from './lib/workers.mjs';

await runCommand('generate:check', async () => {
  await generate();
  const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'generated'], { encoding: 'utf8' });
  if (status.trim() !== '') {
    throw new StepError(
      `generated/ is out of date with spec/:\n${status.trimEnd()}\n` +
        'Fix: run `npm run generate` and commit generated/ (never edit generated files by hand).',
    );
  }
});
await stopWorkers();
