// @ts-check
// The project's files and folders a pipeline run reads, besides node_modules and releases/: what a
// copy of the project needs for generate, lint and release to run on it (the tests' spec copies,
// the bench's synthetic projects).

/** Project-relative paths a pipeline run reads. */
export const PIPELINE_INPUTS = /** @type {const} */ ([
  'spec',
  'src',
  'redocly.yaml',
  '.spectral.yaml',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  // The decisions the spec records (the lint checks them, generate writes their table).
  'docs/decisions.yaml',
  // The sources of the mock package that generate builds, and the OpenAPI model they import.
  'mock',
  'scripts/lib/openapi.mjs',
]);
