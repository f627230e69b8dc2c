// @ts-check
// The clients side by side on the same small program (programs/): latency per call against a
// local node:http server (sequential and 50 in flight, p50 and p99), and the min+gzip size of a
// browser bundle of the program. hey-api's SDK is generated from the same bundle first.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleForNode, esbuild, jsonFromNode, startChild } from './children.mjs';
import { heyApi } from './codegen.mjs';
import { BENCH_DIR, ROOT, WORK_DIR } from './paths.mjs';
import { median, percentile } from './stats.mjs';

/** The clients, by the program that uses each; fetch-timeout is raw fetch with a time limit per call. */
export const CLIENTS = /** @type {const} */ (['fetch', 'fetch-timeout', 'openapi-fetch', 'macha', 'hey-api']);
/** @typedef {typeof CLIENTS[number]} Client */

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
  await bundleForNode(path.join(BENCH_DIR, 'programs', `${client}.ts`), outfile, { alias: ALIAS });
  return outfile;
}

/**
 * The min+gzip size (bytes, gzip level 9) of a browser bundle of the small program on a client.
 * @param {Client} client
 */
export async function bundleSize(client) {
  const program = path.join(BENCH_DIR, 'programs', `${client}.ts`);
  const result = await esbuild.build({
    entryPoints: [path.join(BENCH_DIR, 'programs', 'entry.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    alias: ALIAS,
    logLevel: 'error',
    plugins: [
      {
        name: 'client',
        setup: (b) =>
          b.onResolve({ filter: /^\.\/client\.js$/ }, (args) =>
            args.importer.endsWith('entry.ts') ? { path: program } : undefined,
          ),
      },
    ],
  });
  const code = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).contents;
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Starts lib/api-server.mjs; resolves with its base URL and a stop function.
 * @returns {Promise<{ baseUrl: string, stop(): void }>}
 */
async function startServer() {
  const { match, stop } = await startChild(path.join(BENCH_DIR, 'lib', 'api-server.mjs'), [], /listening (\d+)/);
  return { baseUrl: `http://127.0.0.1:${match[1]}/api/v1`, stop };
}

/**
 * Latency per getConnector call for every client, measured side by side (lib/client-run.mjs) in
 * `rounds` fresh processes; the medians of the rounds' p50 and p99.
 * @param {{ rounds: number, sequential: number, bursts: number }} options
 */
export async function latencies({ rounds, sequential, bursts }) {
  const bundles = await Promise.all(CLIENTS.map(async (client) => `${client}=${await nodeBundle(client)}`));
  const server = await startServer();
  /** @type {Record<string, { seq50: number[], seq99: number[], conc50: number[], conc99: number[] }>} */
  const perRound = Object.fromEntries(
    CLIENTS.map((client) => [client, { seq50: [], seq99: [], conc50: [], conc99: [] }]),
  );
  try {
    for (let round = 0; round < rounds; round += 1) {
      const runs = await jsonFromNode([
        path.join(BENCH_DIR, 'lib', 'client-run.mjs'),
        server.baseUrl,
        String(sequential),
        String(bursts),
        ...bundles,
      ]);
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
    Object.entries(perRound).map(([client, stats]) => [
      client,
      {
        seq50: median(stats.seq50),
        seq99: median(stats.seq99),
        conc50: median(stats.conc50),
        conc99: median(stats.conc99),
      },
    ]),
  );
}
