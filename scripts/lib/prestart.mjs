// @ts-check
// Imported first by the pipeline's command scripts, so that it runs before the main thread loads
// Redocly and the rest (half a second in which the other core would idle): it starts the worker
// lanes the command will use and has them load their modules and parse what does not depend on
// the spec's edits (Spectral's ruleset, TypeScript's lib files). Imported by anything else (a
// test, watch mode, another script), it does nothing.
import path from 'node:path';
import { callInWorker } from './workers.mjs';

const script = path.basename(process.argv[1] ?? '');
const root = process.cwd();
const ignore = () => {};

if (['lint.mjs', 'generate.mjs', 'generate-check.mjs', 'release.mjs'].includes(script)) {
  callInWorker('spectral', new URL('./spectral.mjs', import.meta.url), 'warmSpectral', { root }).catch(ignore);
}
if (['generate.mjs', 'generate-check.mjs', 'release.mjs'].includes(script)) {
  callInWorker('typescript', new URL('./package.mjs', import.meta.url), 'warmPackage', { root }).catch(ignore);
  callInWorker('typescript', new URL('./types.mjs', import.meta.url), 'warmTypes').catch(ignore);
}
