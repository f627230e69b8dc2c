// @ts-check
// Runs named pipeline steps, printing each one's duration, and turns a failure into one clear
// message and a non-zero exit instead of a stack trace.
import { performance } from 'node:perf_hooks';

/** An expected failure of a pipeline step: its message is shown to the user as is. */
export class StepError extends Error {
  /** @param {string} message what failed and where (file:line), ready to print */
  constructor(message) {
    super(message);
    this.name = 'StepError';
  }
}

/**
 * Runs one step and prints `✔ name  123 ms` (or `✖ name`) to stderr.
 * @template T
 * @param {string} name
 * @param {() => Promise<T> | T} run
 * @returns {Promise<T>}
 */
export async function step(name, run) {
  const started = performance.now();
  try {
    const result = await run();
    process.stderr.write(`✔ ${name.padEnd(28)} ${Math.round(performance.now() - started)} ms\n`);
    return result;
  } catch (error) {
    process.stderr.write(`✖ ${name.padEnd(28)} ${Math.round(performance.now() - started)} ms\n`);
    throw error;
  }
}

/**
 * Runs a whole command (lint, generate, ...) and exits 1 with a clear message on failure.
 * @param {string} title
 * @param {() => Promise<void>} main
 */
export async function runCommand(title, main) {
  const started = performance.now();
  try {
    await main();
    process.stderr.write(`${title}: done in ${Math.round(performance.now() - started)} ms\n`);
  } catch (error) {
    const message = error instanceof StepError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`\n${title} failed:\n${message.trimEnd()}\n`);
    process.exitCode = 1;
  }
}
