// @ts-check
// `npm run lint`: Redocly's lint with the project's rules (redocly.yaml), then the layout checks
// Redocly cannot see, then Spectral's OWASP API security rules (.spectral.yaml). Any problem
// fails: the project allows zero warnings.
import path from 'node:path';
import { breakingGate } from './lib/breaking/gate.mjs';
import { checkLayout, refCycles } from './lib/layout.mjs';
import { redocly } from './lib/redocly.mjs';
import { spectralLint } from './lib/spectral.mjs';
import { runCommand, step, StepError } from './lib/steps.mjs';

/** Lints the spec of the project in the current directory; throws a StepError on any problem. */
export async function lint() {
  await step('lint (redocly)', async () => {
    try {
      await redocly(['lint', '--max-problems', '200']);
    } catch (error) {
      // Redocly reports a circular $ref chain without naming a file: name it.
      const cycles = await refCycles(path.resolve('spec'));
      if (cycles.length > 0 && error instanceof StepError) throw new StepError(`${cycles.join('\n')}\n\n${error.message}`);
      throw error;
    }
  });
  await step('lint (layout)', () => checkLayout(path.resolve('spec')));
  await step('lint (spectral owasp)', () => spectralLint());
  // The versioning policy: the spec as edited, bundled afresh, against the latest release.
  await step('breaking changes', () => breakingGate(process.stderr));
}

if (import.meta.url === `file://${process.argv[1]}`) await runCommand('lint', lint);
