// @ts-check
// One client's latencies, in a process of its own: `node client-run.mjs <bundle> <baseUrl>`
// loads the client program (bundled for Node), warms it up, then times getConnector calls one at a
// time and with 50 in flight. Prints {sequential, concurrent} (microseconds per call) as JSON.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle, baseUrl, sequentialCalls = '2000', concurrentCalls = '5000'] = process.argv.slice(2);
const { createApi } = await import(pathToFileURL(/** @type {string} */ (bundle)).href);
const api = createApi(baseUrl, 'mka_live_TESTtestTESTtestTESTtestTESTtest');
const ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';
const IN_FLIGHT = 50;

/** @returns {Promise<number>} microseconds */
async function timedCall() {
  const started = performance.now();
  await api.getConnector(ID);
  return (performance.now() - started) * 1000;
}

for (let i = 0; i < 500; i += 1) await timedCall();

const sequential = [];
for (let i = 0; i < Number(sequentialCalls); i += 1) sequential.push(await timedCall());

const concurrent = [];
let left = Number(concurrentCalls);
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (left > 0) {
      left -= 1;
      concurrent.push(await timedCall());
    }
  }),
);
process.stdout.write(JSON.stringify({ sequential, concurrent }));
