// @ts-check
// Where things are, for every benchmark module.
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
