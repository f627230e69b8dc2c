// @ts-check
// `npm run build` (and `prepack`): builds the client package into dist/package from src/ and the
// committed generated/ files, without regenerating them.
import { rm } from 'node:fs/promises';
import { buildPackage } from './lib/package.mjs';
import { runCommand, step } from './lib/steps.mjs';

await runCommand('build', async () => {
  await rm('dist/package', { recursive: true, force: true });
  await step('package (tsc → dist/package)', () => buildPackage());
});
