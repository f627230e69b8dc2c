// @ts-check
// `npm run lint`: Redocly's lint with the project's rules (redocly.yaml), then the layout checks
// Redocly cannot see, then Spectral's OWASP API security rules (.spectral.yaml). Any problem
// fails: the project allows zero warnings.
import path from 'node:path';
import { checkLayout } from './lib/layout.mjs';
import { redocly } from './lib/redocly.mjs';
import { spectralLint } from './lib/spectral.mjs';
import { runCommand, step } from './lib/steps.mjs';

/** Lints the spec of the project in the current directory; throws a StepError on any problem. */
export async function lint() {
  await step('lint (redocly)', () => redocly(['lint', '--max-problems', '200']));
  await step('lint (layout)', () => checkLayout(path.resolve('spec')));
  await step('lint (spectral owasp)', () => spectralLint());
}

if (import.meta.url === `file://${process.argv[1]}`) await runCommand('lint', lint);
