// @ts-check
// Memory of listAll over 100,000 items: our client against a paging server (api-server.mjs
// --items, a stand-in for the stateful fake server of test/fake), in a process of its own.
import path from 'node:path';
import { jsonFromNode, startServer } from './clients.mjs';
import { BENCH_DIR } from './paths.mjs';

/** @param {{ items: number }} options */
export async function listAllMemory({ items }) {
  const server = /** @type {{ baseUrl: string, stop(): void }} */ (await startServer(['--items', String(items)]));
  try {
    return await jsonFromNode(['--expose-gc', path.join(BENCH_DIR, 'lib', 'list-all-run.mjs'), server.baseUrl, String(items)]);
  } finally {
    server.stop();
  }
}
