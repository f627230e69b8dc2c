// @ts-check
// Memory of listAll over 100,000 items: our client against the stateful fake of test/fake (bundled
// from lib/fake-server.ts), each in a process of its own, so the client's heap is measured alone.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonFromNode } from './clients.mjs';
import { BENCH_DIR, ROOT, WORK_DIR } from './paths.mjs';

/** @type {typeof import('esbuild')} */
const { build } = createRequire(path.join(ROOT, 'package.json'))('esbuild');

/**
 * Bundles and starts the fake with `items` connectors; resolves with its base URL, a key that
 * may list them, and a stop function.
 * @param {number} items
 * @returns {Promise<{ baseUrl: string, apiKey: string, stop(): void }>}
 */
async function startFakeServer(items) {
  const outfile = path.join(WORK_DIR, 'fake-server.mjs');
  await build({
    entryPoints: [path.join(BENCH_DIR, 'lib', 'fake-server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // The fake reads the bundled spec relative to test/support/bundle.ts, wherever it now runs.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(ROOT, 'test', 'support', 'bundle.ts')).href) },
    nodePaths: [path.join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  const child = spawn(process.execPath, [outfile, String(items)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the fake server exited with ${code} before it answered`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const [, baseUrl, apiKey] = /listening (\S+) (\S+)/.exec(output) ?? [];
      if (baseUrl && apiKey) resolve({ baseUrl, apiKey, stop: () => child.kill() });
    });
  });
}

/** @param {{ items: number }} options */
export async function listAllMemory({ items }) {
  const server = await startFakeServer(items);
  try {
    return await jsonFromNode(['--expose-gc', path.join(BENCH_DIR, 'lib', 'list-all-run.mjs'), server.baseUrl, String(items), server.apiKey]);
  } finally {
    server.stop();
  }
}
