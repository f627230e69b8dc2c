// @ts-check
// Issue 17's decompression bomb, measured: a local server answers about 1 MB of gzip, with that
// Content-Length, that decodes to 1 GiB (a valid JSON envelope padded with spaces); prints the
// client's outcome, the wire size and the process's peak RSS. `node bench/lib/bomb-rss.mjs [client
// entry]` (default: the built package).
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { ROOT } from './paths.mjs';

const entry = process.argv[2] ?? path.join(ROOT, 'dist', 'package', 'src', 'index.js');
const { createMachaClient } = await import(pathToFileURL(entry).href);
/** The bomb, compressed once: 1 GiB of JSON, about 1 MB of gzip. */
async function bomb() {
  const gzip = createGzip({ level: 9 });
  const chunks = [];
  gzip.on('data', (chunk) => chunks.push(chunk));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write('{"data":{},"meta":{"request_id":"r"},"pad":"');
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let left = 1024; left > 0; left -= 1) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end('"}');
  await ended;
  return Buffer.concat(chunks);
}
const body = await bomb();
// An honest Content-Length: the compressed size, well under the 10 MiB cap.
const server = createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-encoding': 'gzip',
    'content-length': body.byteLength,
  });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = /** @type {import('node:net').AddressInfo} */ (server.address());
const macha = createMachaClient({ apiKey: 'mka_live_x', baseUrl: `http://127.0.0.1:${address.port}/api/v1` });
const outcome = await macha.connectors.retrieve('connector_64f1c0ef2ec711ef6dc1dcf0').then(
  () => 'resolved',
  (/** @type {any} */ error) => `${error.name} ${error.code}: ${error.message}`,
);
server.close();
server.closeAllConnections();
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ outcome, wireBytes: body.byteLength, peakRssMiB })}\n`);
