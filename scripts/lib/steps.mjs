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
 * Work started ahead of its step, so that it runs while earlier steps do (in a worker thread or a
 * child process); `step` then waits for it and prints the time it really took.
 * @template T
 * @typedef {{ promise: Promise<T>, started: number, ended: Promise<number> }} Started
 */

/**
 * Starts `run` now. A failure is kept for the step that awaits it, never an unhandled rejection.
 * @template T
 * @param {() => Promise<T>} run
 * @returns {Started<T>}
 */
export function begin(run) {
  const started = performance.now();
  const promise = run();
  const ended = promise.then(
    () => performance.now(),
    () => performance.now(),
  );
  return { promise, started, ended };
}

/**
 * Runs one step (or waits for one started with `begin`) and prints `✔ name  123 ms` (or `✖ name`).
 * @template T
 * @param {string} name
 * @param {(() => Promise<T> | T) | Started<T>} run
 * @returns {Promise<T>}
 */
export async function step(name, run) {
  const started = typeof run === 'function' ? performance.now() : run.started;
  const report = async (/** @type {string} */ mark) => {
    const ended = typeof run === 'function' ? performance.now() : await run.ended;
    log(`${mark} ${name.padEnd(28)} ${Math.round(ended - started)} ms\n`);
  };
  try {
    const result = await (typeof run === 'function' ? run() : run.promise);
    await report('✔');
    return result;
  } catch (error) {
    await report('✖');
    throw error;
  }
}

/**
 * What to print for a failure: a StepError's message (it already says what and where), else the
 * stack of an unexpected error.
 * @param {unknown} error
 */
export function failureText(error) {
  return error instanceof StepError
    ? error.message
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error);
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
