// @ts-check
// The mock (`npm run mock --validate`: every response checked against the spec) side by side with
// `prism mock` on the same bundle: start-up time (spawn to first answer), requests/s on
// GET /connectors/{id} and GET /connectors?limit=100 with autocannon (50 connections, loopback,
// bounded in requests and in time), and memory: RSS of each after the load, and of the mock
// holding a world of 100,000 connectors (Prism holds no world; its RSS is given beside it).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { BENCH_DIR, ROOT } from './paths.mjs';

/** @type {any} */
const autocannon = createRequire(path.join(BENCH_DIR, 'package.json'))('autocannon');
const PRISM = path.join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
const CONNECTOR = 'connector_64f1c0ef2ec711ef6dc1dcf0';

/** A port free a moment ago. */
async function freePort() {
  const { createServer } = await import('node:net');
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

/**
 * Spawns a server, polls its URL until it answers, and resolves with the time that took.
 * @param {string[]} args node arguments
 * @param {string} probe a URL any answer from which means ready
 */
async function startServer(args, probe) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${output}`);
    try {
      await (await fetch(probe)).arrayBuffer();
      break;
    } catch {
      await delay(5);
    }
    if (performance.now() - started > 60_000) throw new Error(`${args.join(' ')} did not answer in 60 s`);
  }
  return {
    startMs: performance.now() - started,
    output: () => output,
    rssKiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0),
    stop: () => {
      child.kill();
    },
  };
}

/** @param {number} port @param {string[]} extra */
const startMock = (port, extra = []) =>
  startServer(
    [path.join(ROOT, 'scripts', 'mock.mjs'), '--port', String(port), '--validate', '--rate-limit', '0', ...extra],
    `http://127.0.0.1:${port}/`,
  );
/** @param {number} port */
const startPrism = (port) =>
  startServer(
    [PRISM, 'mock', path.join(ROOT, 'generated', 'openapi.yaml'), '-p', String(port), '--host', '127.0.0.1'],
    `http://127.0.0.1:${port}/`,
  );

/**
 * Requests/s of GET url with autocannon: 50 connections, at most `amount` requests or `seconds`.
 * @param {string} url
 * @param {string} key
 * @param {{ amount: number, seconds: number }} bounds
 */
async function throughput(url, key, bounds) {
  // autocannon's own two bounds (time, and requests over all connections), rather than stop()
  // from a timer: a run stopped from outside counts its requests in flight as errors.
  const result = await autocannon({
    url,
    connections: 50,
    duration: bounds.seconds,
    maxOverallRequests: bounds.amount,
    headers: { authorization: `Bearer ${key}` },
  });
  // A wrong answer fails the bench; requests that time out (10 s, autocannon's default) are a
  // result of the server under load (Prism at a load average of 15), so they are reported.
  if (result.non2xx > 0 || result.errors > result.timeouts)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  // Requests over the run's own elapsed time: autocannon's per-second average counts whole seconds,
  // so a run that stops at its request bound after 2.1 s reads as exactly amount / 2.
  return {
    rps: result.requests.total / result.duration,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    timeouts: result.timeouts,
  };
}

/**
 * The mock against prism mock; `quick` runs each measure once and shorter.
 * @param {{ quick: boolean }} options
 */
export async function mockVersusPrism({ quick }) {
  const runs = quick ? 1 : 3;
  const bounds = quick ? { amount: 5_000, seconds: 5 } : { amount: 50_000, seconds: 20 };
  /** @type {{ mock: number[], prism: number[] }} */
  const starts = { mock: [], prism: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const [name, start] of /** @type {const} */ ([
      ['mock', startMock],
      ['prism', startPrism],
    ])) {
      const server = await start(await freePort());
      starts[name].push(server.startMs);
      server.stop();
    }
  }
  const median = (/** @type {number[]} */ list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;

  const mockPort = await freePort();
  const mock = await startMock(mockPort);
  const key = /export MACHA_API_KEY=(\S+)/.exec(mock.output())?.[1] ?? '';
  const prismPort = await freePort();
  const prism = await startPrism(prismPort);
  const prismKey = 'mka_live_prismchecksonlythatakeyispresent';
  try {
    const load = {
      detail: {
        mock: await throughput(`http://127.0.0.1:${mockPort}/api/v1/connectors/${CONNECTOR}`, key, bounds),
        prism: await throughput(`http://127.0.0.1:${prismPort}/connectors/${CONNECTOR}`, prismKey, bounds),
      },
      list: {
        mock: await throughput(`http://127.0.0.1:${mockPort}/api/v1/connectors?limit=100`, key, bounds),
        prism: await throughput(`http://127.0.0.1:${prismPort}/connectors?limit=100`, prismKey, bounds),
      },
    };
    const rss = { mock: mock.rssKiB(), prism: prism.rssKiB() };
    const violations = (mock.output().match(/^spec violation/gm) ?? []).length;
    const big = await bigWorld(100_000);
    return {
      startMs: { mock: median(starts.mock), prism: median(starts.prism) },
      load,
      rssKiB: rss,
      violations,
      bigWorld: big,
    };
  } finally {
    mock.stop();
    prism.stop();
  }
}

/**
 * RSS and start time of the mock holding `connectors` connectors in one org, after a page of each size.
 * @param {number} connectors
 */
async function bigWorld(connectors) {
  const script = `
    import { readFileSync } from 'node:fs';
    import { startMockServer } from ${JSON.stringify(path.join(ROOT, 'mock', 'src', 'index.mjs'))};
    const bundle = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, 'generated', 'openapi.json'))}, 'utf8'));
    const started = performance.now();
    const mock = await startMockServer({ bundle, validate: true, size: { connectors: ${connectors} } });
    const startMs = performance.now() - started;
    const headers = { authorization: 'Bearer ' + mock.keys.full };
    let cursor = '';
    for (let page = 0; page < 20; page += 1) {
      const body = await (await fetch(mock.url + '/connectors?limit=100' + cursor, { headers })).json();
      cursor = '&cursor=' + body.meta.next_cursor;
    }
    globalThis.gc?.();
    console.log(JSON.stringify({ startMs, rssKiB: Math.round(process.memoryUsage().rss / 1024),
      heapMiB: process.memoryUsage().heapUsed / 1048576, violations: mock.violations.length }));
    await mock.close();
  `;
  const child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(output);
}

/**
 * The bench table's rows for the mock against prism mock (columns as bench/run.mjs prints them).
 * @param {{ quick: boolean }} options
 */
export async function mockRows({ quick }) {
  const r = await mockVersusPrism({ quick });
  const ms = (/** @type {number} */ value) =>
    value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
  const mib = (/** @type {number} */ kib) => `${Math.round(kib / 1024)} MiB`;
  const blank = ['', '', '', ''];
  /** @typedef {{ rps: number, p99Ms: number, timeouts: number }} Load */
  const timedOut = (/** @type {Load} */ side) => (side.timeouts > 0 ? `, ${side.timeouts} timed out` : '');
  /** @param {string} what @param {Load} mock @param {Load} prism */
  const load = (what, mock, prism) => [
    `Mock (--validate) vs prism mock: ${what}, requests/s, 50 connections (p99)`,
    `${Math.round(mock.rps)}/s (p99 ${mock.p99Ms} ms${timedOut(mock)})`,
    ...blank,
    `prism ${Math.round(prism.rps)}/s (p99 ${prism.p99Ms} ms${timedOut(prism)}): ` +
      `${(mock.rps / prism.rps).toFixed(1)}×`,
  ];
  return [
    [
      'Mock vs prism mock: start, spawn to first answer (median)',
      ms(r.startMs.mock),
      ...blank,
      `prism ${ms(r.startMs.prism)}: ${(r.startMs.prism / r.startMs.mock).toFixed(1)}× faster`,
    ],
    load('GET /connectors/{id}', r.load.detail.mock, r.load.detail.prism),
    load('GET /connectors?limit=100', r.load.list.mock, r.load.list.prism),
    [
      `Mock memory: RSS after the load (default world); with 100,000 connectors (start ${ms(r.bigWorld.startMs)})`,
      `${mib(r.rssKiB.mock)}; ${mib(r.bigWorld.rssKiB)}`,
      ...blank,
      `prism ${mib(r.rssKiB.prism)} (holds no world); spec violations: ${r.violations + r.bigWorld.violations}`,
    ],
  ];
}
