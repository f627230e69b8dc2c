// @ts-check
// Long-lived worker threads ("lanes") that run a pipeline module's function off the main thread,
// so that on a 2-core machine Spectral and TypeScript work while Redocly lints. A lane loads its
// modules once and keeps them (and their caches) for the next call: watch mode and the tests,
// which run the pipeline many times in one process, pay the module loading once. An idle lane
// does not keep the process alive.
import { Worker } from 'node:worker_threads';
import { StepError } from './steps.mjs';

const WORKER = new URL('./worker-main.mjs', import.meta.url);

/** @typedef {{ worker: Worker, pending: Map<number, { resolve(value: unknown): void, reject(error: Error): void }>, next: number }} Lane */

/** @type {Map<string, Lane>} */
const lanes = new Map();

/**
 * The error a lane reported, rebuilt on this side: a StepError stays a StepError.
 * @param {{ name: string, message: string, stack?: string }} error
 */
function rebuild(error) {
  if (error.name === 'StepError') return new StepError(error.message);
  return Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
}

/** @param {string} name */
function openLane(name) {
  const worker = new Worker(WORKER, { name });
  /** @type {Lane} */
  const lane = { worker, pending: new Map(), next: 0 };
  worker.unref();
  worker.on('message', (/** @type {{ id: number, value?: unknown, error?: any }} */ { id, value, error }) => {
    const call = lane.pending.get(id);
    lane.pending.delete(id);
    if (lane.pending.size === 0) worker.unref();
    if (error) call?.reject(rebuild(error));
    else call?.resolve(value);
  });
  // A crashed lane fails its calls; the next call opens a new one.
  const fail = (/** @type {Error} */ error) => {
    if (lanes.get(name) === lane) lanes.delete(name);
    for (const call of lane.pending.values()) call.reject(error);
    lane.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the ${name} worker thread exited (code ${code})`)));
  lanes.set(name, lane);
  return lane;
}

/**
 * Calls `exportName(...args)` of the module at `moduleUrl` in the worker thread `lane` (started on
 * first use) and resolves with its result. Arguments and results are copied (structured clone).
 * @param {string} lane
 * @param {URL} moduleUrl
 * @param {string} exportName
 * @param {unknown[]} args
 * @returns {Promise<any>}
 */
export function callInWorker(lane, moduleUrl, exportName, ...args) {
  const open = lanes.get(lane) ?? openLane(lane);
  const id = open.next++;
  open.worker.ref();
  return new Promise((resolve, reject) => {
    open.pending.set(id, { resolve, reject });
    open.worker.postMessage({ id, module: moduleUrl.href, exportName, args });
  });
}

/** Ends every lane, for a script whose work is done (a failed run may leave calls it no longer needs). */
export async function stopWorkers() {
  const open = [...lanes.values()];
  lanes.clear();
  await Promise.all(open.map((lane) => lane.worker.terminate()));
}
