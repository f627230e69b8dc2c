// @ts-check
// The clients' latencies, measured side by side in one process so that whatever else the machine
// does affects them alike: `node client-run.mjs <baseUrl> <sequential> <bursts> <name=bundle>...`.
// Each client program (bundled for Node) is warmed up, then:
// - one call at a time: the clients take turns call by call (the order rotating), <sequential>
//   calls each;
// - 50 in flight: the clients take turns burst by burst, <bursts> bursts of 1,000 calls each.
// Prints {client: {sequential, concurrent}} (microseconds per getConnector call) as JSON.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [baseUrl, sequentialCalls, bursts, ...named] = process.argv.slice(2);
const ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';
const IN_FLIGHT = 50;
const BURST = 1000;

/**
 * @type {{ name: string, api: { getConnector(id: string): Promise<unknown> },
 *   sequential: number[], concurrent: number[] }[]}
 */
const clients = [];
for (const entry of named) {
  const [name = '', bundle = ''] = entry.split('=');
  const { createApi } = await import(pathToFileURL(bundle).href);
  clients.push({
    name,
    api: createApi(baseUrl, 'mka_live_TESTtestTESTtestTESTtestTESTtest'),
    sequential: [],
    concurrent: [],
  });
}

/** @param {{ getConnector(id: string): Promise<unknown> }} api @returns {Promise<number>} microseconds */
async function timedCall(api) {
  const started = performance.now();
  await api.getConnector(ID);
  return (performance.now() - started) * 1000;
}

for (const client of clients) for (let i = 0; i < 1000; i += 1) await timedCall(client.api);

for (let i = 0; i < Number(sequentialCalls); i += 1) {
  for (let turn = 0; turn < clients.length; turn += 1) {
    const client = /** @type {(typeof clients)[number]} */ (clients[(i + turn) % clients.length]);
    client.sequential.push(await timedCall(client.api));
  }
}

for (let burst = 0; burst < Number(bursts); burst += 1) {
  for (let turn = 0; turn < clients.length; turn += 1) {
    const client = /** @type {(typeof clients)[number]} */ (clients[(burst + turn) % clients.length]);
    let left = BURST;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (left > 0) {
          left -= 1;
          client.concurrent.push(await timedCall(client.api));
        }
      }),
    );
  }
}
process.stdout.write(
  JSON.stringify(
    Object.fromEntries(clients.map(({ name, sequential, concurrent }) => [name, { sequential, concurrent }])),
  ),
);
