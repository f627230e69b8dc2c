// @ts-check
// Where things are, for every benchmark module.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The bench package. */
export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
/** The project benchmarked. */
export const ROOT = path.resolve(BENCH_DIR, '..');
/** Scratch output of a benchmark run (git-ignored). */
export const WORK_DIR = path.join(BENCH_DIR, '.work');
/** The peers' command-line entry points, from bench/node_modules. */
export const HEY_API_CLI = path.join(BENCH_DIR, 'node_modules', '@hey-api', 'openapi-ts', 'bin', 'run.js');
export const ORVAL_CLI = path.join(BENCH_DIR, 'node_modules', 'orval', 'dist', 'bin', 'orval.js');
/** TypeScript's tsc (the project's pinned TypeScript). */
export const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/**
 * The node options the project's scripts start with (package.json's `generate`: `node <options>
 * scripts/generate.mjs`), so that the bench runs the pipeline as `npm run generate` does.
 */
export const PIPELINE_NODE_OPTIONS = /** @type {string} */ (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.generate
)
  .split(/\s+/)
  .slice(1, -1);
