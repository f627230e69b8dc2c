// @ts-check
// `node --expose-gc list-all-run.mjs <baseUrl> <items> <apiKey>`: iterates connectors.listAll({limit: 100})
// with our client over the mock server and prints, as JSON, the peak heap seen while iterating
// (sampled at every page), the heap after a full GC at the first page and at the end, and the
// process's peak resident memory. Flat means the client holds one page at a time, not the list.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [baseUrl, items, apiKey] = process.argv.slice(2);
const { createMachaClient } = await import(
  pathToFileURL(path.join(import.meta.dirname, '..', '..', 'dist', 'package', 'src', 'index.js')).href
);
const macha = createMachaClient({ baseUrl, apiKey });
const gc = /** @type {() => void} */ (globalThis.gc);

gc();
const baseline = process.memoryUsage().heapUsed;
let count = 0;
let peakHeap = 0;
let afterFirstPage = 0;
for await (const connector of macha.connectors.listAll({ limit: 100 })) {
  if (!connector.id) throw new Error('an item without an id');
  count += 1;
  if (count % 100 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (count === 100) {
    gc();
    afterFirstPage = process.memoryUsage().heapUsed;
  }
}
gc();
const atEnd = process.memoryUsage().heapUsed;
if (count !== Number(items)) throw new Error(`listAll yielded ${count} items, expected ${items}`);
process.stdout.write(
  JSON.stringify({
    items: count,
    baseline,
    peakHeap,
    afterFirstPage,
    atEnd,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
