// @ts-check
// The clients side by side on the same small program (programs/): latency per call against a
// local node:http server (sequential and 50 in flight, p50 and p99), and the min+gzip size of a
// browser bundle of the program. hey-api's SDK is generated from the same bundle first.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { heyApi } from './codegen.mjs';
import { BENCH_DIR, ROOT, WORK_DIR } from './paths.mjs';
import { median, percentile } from './stats.mjs';

/** The clients, by the program that uses each; fetch-timeout is raw fetch with a time limit per call. */
export const CLIENTS = /** @type {const} */ (['fetch', 'fetch-timeout', 'openapi-fetch', 'macha', 'hey-api']);
/** @typedef {typeof CLIENTS[number]} Client */

// The project's pinned esbuild (the one test/package/size.test.ts measures with), not the copy
// orval brought into bench/node_modules.
/** @type {typeof import('esbuild')} */
const { build } = createRequire(path.join(ROOT, 'package.json'))('esbuild');
const ALIAS = { '@macha/api-client': path.join(ROOT, 'dist', 'package', 'src', 'index.js') };

/** Generates hey-api's SDK for the project's bundle into .work/hey-api (the programs import it). */
export async function prepareClients() {
  await heyApi(path.join(ROOT, 'generated', 'openapi.yaml'), path.join(WORK_DIR, 'hey-api'));
}

/**
 * Bundles a client's program for Node, for the latency runs.
 * @param {Client} client
 */
async function nodeBundle(client) {
  const outfile = path.join(WORK_DIR, 'node', `${client}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({ entryPoints: [path.join(BENCH_DIR, 'programs', `${client}.ts`)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', alias: ALIAS, logLevel: 'error' });
  return outfile;
}

/**
 * The min+gzip size (bytes, gzip level 9) of a browser bundle of the small program on a client.
 * @param {Client} client
 */
export async function bundleSize(client) {
  const program = path.join(BENCH_DIR, 'programs', `${client}.ts`);
  const result = await build({
    entryPoints: [path.join(BENCH_DIR, 'programs', 'entry.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    alias: ALIAS,
    logLevel: 'error',
    plugins: [{ name: 'client', setup: (b) => b.onResolve({ filter: /^\.\/client\.js$/ }, (args) => (args.importer.endsWith('entry.ts') ? { path: program } : undefined)) }],
  });
  const code = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).contents;
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Starts a server (lib/api-server.mjs) as a child process; resolves with its base URL and a stop function.
 * @param {string[]} [args]
 */
export function startServer(args = []) {
  const child = spawn(process.execPath, [path.join(BENCH_DIR, 'lib', 'api-server.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      const port = /listening (\d+)/.exec(String(chunk))?.[1];
      if (port) resolve({ baseUrl: `http://127.0.0.1:${port}/api/v1`, stop: () => child.kill() });
    });
  });
}

/**
 * Runs `node args` and resolves with its stdout parsed as JSON.
 * @param {string[]} args
 * @returns {Promise<any>}
 */
export function jsonFromNode(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Latency per getConnector call for every client, measured side by side (lib/client-run.mjs) in
 * `rounds` fresh processes; the medians of the rounds' p50 and p99.
 * @param {{ rounds: number, sequential: number, bursts: number }} options
 */
export async function latencies({ rounds, sequential, bursts }) {
  const bundles = await Promise.all(CLIENTS.map(async (client) => `${client}=${await nodeBundle(client)}`));
  const server = /** @type {{ baseUrl: string, stop(): void }} */ (await startServer());
  /** @type {Record<string, { seq50: number[], seq99: number[], conc50: number[], conc99: number[] }>} */
  const perRound = Object.fromEntries(CLIENTS.map((client) => [client, { seq50: [], seq99: [], conc50: [], conc99: [] }]));
  try {
    for (let round = 0; round < rounds; round += 1) {
      const runs = await jsonFromNode([path.join(BENCH_DIR, 'lib', 'client-run.mjs'), server.baseUrl, String(sequential), String(bursts), ...bundles]);
      for (const client of CLIENTS) {
        const stats = perRound[client];
        stats.seq50.push(percentile(runs[client].sequential, 50));
        stats.seq99.push(percentile(runs[client].sequential, 99));
        stats.conc50.push(percentile(runs[client].concurrent, 50));
        stats.conc99.push(percentile(runs[client].concurrent, 99));
      }
    }
  } finally {
    server.stop();
  }
  return Object.fromEntries(
    Object.entries(perRound).map(([client, stats]) => [client, { seq50: median(stats.seq50), seq99: median(stats.seq99), conc50: median(stats.conc50), conc99: median(stats.conc99) }]),
  );
}
