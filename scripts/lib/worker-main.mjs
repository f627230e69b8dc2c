// @ts-check
// The body of a worker lane (see workers.mjs): imports the module a call names, runs the function
// and posts back its result or its error. Calls run one after another, in the order received.
import { parentPort } from 'node:worker_threads';

let queue = Promise.resolve();

parentPort?.on('message', (/** @type {{ id: number, module: string, exportName: string, args: unknown[] }} */ call) => {
  queue = queue.then(async () => {
    try {
      const module = await import(call.module);
      parentPort?.postMessage({ id: call.id, value: await module[call.exportName](...call.args) });
    } catch (error) {
      const { name = 'Error', message = String(error), stack } = /** @type {Error} */ (error);
      parentPort?.postMessage({ id: call.id, error: { name, message, stack } });
    }
  });
});
