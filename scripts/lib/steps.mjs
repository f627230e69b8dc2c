// @ts-check
// Runs named pipeline steps, printing each one's duration, and turns a failure into one clear
// message and a non-zero exit instead of a stack trace. Output goes to stderr, or to the sink of
// the current run (withLog), so that several runs in one process (watch mode, tests) keep their
// reports apart.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/** An expected failure of a pipeline step: its message is shown to the user as is. */
export class StepError extends Error {
  /** @param {string} message what failed and where (file:line), ready to print */
  constructor(message) {
    super(message);
    this.name = 'StepError';
  }
}

/** @typedef {{ write(text: string): unknown }} Sink */

/** @type {AsyncLocalStorage<Sink>} */
const sinks = new AsyncLocalStorage();

/**
 * Writes to the current run's sink (stderr unless withLog gave another).
 * @param {string} text
 */
export function log(text) {
  (sinks.getStore() ?? process.stderr).write(text);
}

/** The current run's sink, for code that takes a writable (`{ write }`). */
export const logSink = /** @type {Sink} */ ({ write: log });

/**
 * The current run's sink when withLog gave one, else `stream` (for a report meant for stdout).
 * @param {Sink} stream
 * @returns {Sink}
 */
export function sinkOr(stream) {
  return sinks.getStore() ?? stream;
}

/**
 * Runs `run` with everything it logs sent to `sink`.
 * @template T
 * @param {Sink} sink
 * @param {() => Promise<T>} run
 */
export function withLog(sink, run) {
  return sinks.run(sink, run);
}

/**
 * Runs one step and prints `✔ name  123 ms` (or `✖ name`), and the step's note when it returns one.
 * @template T
 * @param {string} name
 * @param {() => Promise<T> | T} run
 * @returns {Promise<T>}
 */
export async function step(name, run) {
  const started = performance.now();
  const report = (/** @type {string} */ mark) =>
    log(`${mark} ${name.padEnd(28)} ${Math.round(performance.now() - started)} ms\n`);
  try {
    const result = await run();
    report('✔');
    if (typeof result === 'string' && result !== '') log(`  ${result}\n`);
    return result;
  } catch (error) {
    report('✖');
    throw error;
  }
}

/** What a file-system error means, for the errors a user can cause and fix (a path, a full disk). */
const FILE_ERRORS = /** @type {Record<string, string>} */ ({
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
});

/**
 * One line for a file-system error a user can fix (`dist/docs: permission denied (EACCES)`), or
 * undefined for any other error.
 * @param {unknown} error
 */
export function fileErrorText(error) {
  const { code, path: file, dest } = /** @type {NodeJS.ErrnoException & { dest?: string }} */ (error ?? {});
  if (typeof code !== 'string' || !(code in FILE_ERRORS) || typeof file !== 'string') return undefined;
  const target = dest ? `${file} → ${dest}` : file;
  return `${target}: ${FILE_ERRORS[code]} (${code})`;
}

/**
 * What to print for a failure: a StepError's message (it already says what and where), one line
 * for a file-system error naming its path, else the stack of an unexpected error.
 * @param {unknown} error
 */
export function failureText(error) {
  if (error instanceof StepError) return error.message;
  const fileError = fileErrorText(error);
  if (fileError) return fileError;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Runs a whole command (lint, generate, ...), printing how it ended; resolves with its exit status
 * (0, or 1 after printing a clear message). Never throws.
 * @param {string} title
 * @param {() => Promise<unknown>} main
 * @returns {Promise<0 | 1>}
 */
export async function runTitled(title, main) {
  const started = performance.now();
  try {
    await main();
    log(`${title}: done in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  } catch (error) {
    const message = failureText(error);
    log(`\n${title} failed:\n${message.trimEnd()}\n`);
    return 1;
  }
}

/**
 * Runs a whole command as a script: exit code 1 with a clear message on failure.
 * @param {string} title
 * @param {() => Promise<unknown>} main
 */
export async function runCommand(title, main) {
  if ((await runTitled(title, main)) !== 0) process.exitCode = 1;
}
