// @ts-check
// Memory of listAll over 100,000 items: our client against the stateful mock of mock/ (bundled
// from lib/fake-server.ts), each in a process of its own, so the client's heap is measured alone.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode, jsonFromNode, startChild } from './children.mjs';
import { BENCH_DIR, ROOT, WORK_DIR } from './paths.mjs';

/**
 * Bundles and starts the mock with `items` connectors; resolves with its base URL, a key that
 * may list them, and a stop function.
 * @param {number} items
 * @returns {Promise<{ baseUrl: string, apiKey: string, stop(): void }>}
 */
async function startFakeServer(items) {
  const outfile = path.join(WORK_DIR, 'fake-server.mjs');
  await bundleForNode(path.join(BENCH_DIR, 'lib', 'fake-server.ts'), outfile, {
    packages: 'external',
    // The mock reads the bundled spec relative to test/support/bundle.ts, wherever it now runs.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(ROOT, 'test', 'support', 'bundle.ts')).href) },
    nodePaths: [path.join(ROOT, 'node_modules')],
  });
  const { match, stop } = await startChild(outfile, [String(items)], /listening (\S+) (\S+)/);
  return { baseUrl: /** @type {string} */ (match[1]), apiKey: /** @type {string} */ (match[2]), stop };
}

/** @param {{ items: number }} options */
export async function listAllMemory({ items }) {
  const server = await startFakeServer(items);
  try {
    return await jsonFromNode([
      '--expose-gc',
      path.join(BENCH_DIR, 'lib', 'list-all-run.mjs'),
      server.baseUrl,
      String(items),
      server.apiKey,
    ]);
  } finally {
    server.stop();
  }
}
