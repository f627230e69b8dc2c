// @ts-check
// `npm run bench [-- --quick] [-- --only regenerate,watch,clients,size,scale,list-all,mock,client]`: our
// pipeline and client against the peers, all measured in this one run on this machine, printed as
// one markdown table and written to bench/results.md. Never part of `npm test`.
// Installs the bench package (hey-api, orval) with `npm ci --prefix bench` when it is missing or
// older than its lockfile, and builds the client package when dist/package is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR, PIPELINE_NODE_OPTIONS, ROOT, WORK_DIR } from './lib/paths.mjs';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const quick = values.quick === true;
const SECTIONS = ['regenerate', 'watch', 'clients', 'size', 'scale', 'list-all', 'mock', 'client'];
const only = values.only ? values.only.split(',') : SECTIONS;
const unknown = only.filter((section) => !SECTIONS.includes(section));
if (unknown.length > 0)
  throw new Error(`--only: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);

/** Installs bench/ from its lockfile unless node_modules is already there and up to date. */
function ensureInstalled() {
  const installed = path.join(BENCH_DIR, 'node_modules', '.package-lock.json');
  if (
    existsSync(installed) &&
    statSync(installed).mtimeMs >= statSync(path.join(BENCH_DIR, 'package-lock.json')).mtimeMs
  )
    return;
  process.stderr.write('bench: npm ci --prefix bench\n');
  execFileSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/** @param {number} ms */
const seconds = (ms) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
/** @param {number} kib */
const mib = (kib) => `${Math.round(kib / 1024)} MiB`;
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
/** @param {number} us */
const micro = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${Math.round(us)} µs`);
/** @param {number} a @param {number} b @param {string} what */
const ratio = (a, b, what) => `${(a / b).toFixed(2)}× ${what}`;

ensureInstalled();
// The client as src/ is now (a build that reuses its last type check when nothing changed).
execFileSync(process.execPath, [...PIPELINE_NODE_OPTIONS, path.join(ROOT, 'scripts', 'build.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
rmSync(WORK_DIR, { recursive: true, force: true });
mkdirSync(WORK_DIR, { recursive: true });

const { regeneration, watchLatency } = await import('./lib/regenerate.mjs');
const { bundleSize, CLIENTS, latencies, prepareClients } = await import('./lib/clients.mjs');
const { scale } = await import('./lib/scale.mjs');
const { listAllMemory } = await import('./lib/list-all.mjs');

const started = Date.now();
const load = loadavg()[0]?.toFixed(2);
/** @type {string[][]} */
const rows = [];
/** @param {string} section */
const progress = (section) => process.stderr.write(`bench: ${section}…\n`);
const RUNS = quick ? 1 : 5;

if (only.includes('regenerate')) {
  progress('regenerate');
  const r = await regeneration({ runs: RUNS });
  rows.push(
    [
      `Regenerate after an edit: wall (median of ${r.ours.runs}; ours = whole \`generate\`: lint, OWASP, ` +
        'bundle, types, docs, client and mock packages; peers = codegen alone)',
      seconds(r.ours.wallMs),
      seconds(r.heyApi.wallMs),
      seconds(r.orval.wallMs),
      '',
      '',
      ratio(r.ours.wallMs, r.heyApi.wallMs, 'hey-api'),
    ],
    [
      'Regenerate: CPU, user + sys, all threads',
      seconds(r.ours.cpuMs),
      seconds(r.heyApi.cpuMs),
      seconds(r.orval.cpuMs),
      '',
      '',
      ratio(r.ours.cpuMs, r.heyApi.cpuMs, 'hey-api'),
    ],
    [
      'Regenerate: peak memory (max RSS)',
      mib(r.ours.maxRssKiB),
      mib(r.heyApi.maxRssKiB),
      mib(r.orval.maxRssKiB),
      '',
      '',
      ratio(r.ours.maxRssKiB, r.heyApi.maxRssKiB, 'hey-api'),
    ],
  );
}
if (only.includes('watch')) {
  progress('watch');
  const saves = quick ? 3 : 9;
  const w = await watchLatency({ saves });
  rows.push([
    `Watch mode: save → fresh generated/schema.ts (median of ${saves} saves)`,
    seconds(w.medianMs),
    'no watch mode',
    'no watch mode',
    '',
    '',
    `target < 300 ms`,
  ]);
}
if (only.includes('clients') || only.includes('size')) await prepareClients();
if (only.includes('clients')) {
  progress('clients');
  const l = await latencies(
    quick ? { rounds: 1, sequential: 500, bursts: 2 } : { rounds: 3, sequential: 3000, bursts: 10 },
  );
  const cell = (/** @type {string} */ client, /** @type {'seq' | 'conc'} */ kind) =>
    `${micro(l[client][`${kind}50`])} / ${micro(l[client][`${kind}99`])}`;
  rows.push(
    [
      'Client, one call at a time: p50 / p99 per call (GET /connectors/{id} on a local node:http server; ' +
        'the clients take turns in one process)',
      cell('macha', 'seq'),
      cell('hey-api', 'seq'),
      '',
      cell('openapi-fetch', 'seq'),
      cell('fetch', 'seq'),
      ratio(l.macha.seq50, l.fetch.seq50, 'fetch (p50)'),
    ],
    [
      'Client, 50 calls in flight: p50 / p99 per call',
      cell('macha', 'conc'),
      cell('hey-api', 'conc'),
      '',
      cell('openapi-fetch', 'conc'),
      cell('fetch', 'conc'),
      ratio(l.macha.conc50, l.fetch.conc50, 'fetch (p50)'),
    ],
    // What the platform charges any client for a time limit per call, measured in the same runs.
    [
      'Raw fetch with a time limit per call (an AbortSignal per request, as every client with timeouts sends), ' +
        'one call at a time: p50 / p99',
      '',
      '',
      '',
      '',
      cell('fetch-timeout', 'seq'),
      `${ratio(l['fetch-timeout'].seq50, l.fetch.seq50, 'fetch (p50)')}; ` +
        `ours ${ratio(l.macha.seq50, l['fetch-timeout'].seq50, 'this')}`,
    ],
    [
      'Raw fetch with a time limit per call, 50 in flight: p50 / p99',
      '',
      '',
      '',
      '',
      cell('fetch-timeout', 'conc'),
      `${ratio(l['fetch-timeout'].conc50, l.fetch.conc50, 'fetch (p50)')}; ` +
        `ours ${ratio(l.macha.conc50, l['fetch-timeout'].conc50, 'this')}`,
    ],
  );
}
if (only.includes('size')) {
  progress('size');
  const sizes = Object.fromEntries(
    await Promise.all(
      CLIENTS.filter((client) => client !== 'fetch-timeout').map(async (client) => [client, await bundleSize(client)]),
    ),
  );
  rows.push([
    'Client size: the same small program bundled for a browser (esbuild), min+gzip',
    kb(sizes.macha.gzipBytes),
    kb(sizes['hey-api'].gzipBytes),
    '',
    kb(sizes['openapi-fetch'].gzipBytes),
    kb(sizes.fetch.gzipBytes),
    ratio(sizes.macha.gzipBytes, sizes['hey-api'].gzipBytes, 'hey-api'),
  ]);
}
if (only.includes('scale')) {
  progress('scale');
  const sizes = quick ? [10, 100] : [10, 100, 1000];
  const results = await scale({ sizes, runs: quick ? 1 : 3 });
  for (const { operations, generate, tsc } of results) {
    rows.push(
      [
        `Scale, ${operations.toLocaleString('en')} operations: ` +
          `generate wall / peak memory (median of ${generate.ours.runs})`,
        `${seconds(generate.ours.wallMs)} / ${mib(generate.ours.maxRssKiB)}`,
        `${seconds(generate.heyApi.wallMs)} / ${mib(generate.heyApi.maxRssKiB)}`,
        `${seconds(generate.orval.wallMs)} / ${mib(generate.orval.maxRssKiB)}`,
        '',
        '',
        ratio(generate.ours.wallMs, generate.heyApi.wallMs, 'hey-api'),
      ],
      [
        `Scale, ${operations.toLocaleString('en')} operations: tsc --noEmit over the generated code`,
        seconds(tsc.ours.wallMs),
        seconds(tsc.heyApi.wallMs),
        seconds(tsc.orval.wallMs),
        '',
        '',
        ratio(tsc.ours.wallMs, tsc.heyApi.wallMs, 'hey-api'),
      ],
    );
  }
  /** @param {'ours' | 'heyApi' | 'orval'} tool @param {'generate' | 'tsc'} what */
  const growth = (tool, what) =>
    results
      .slice(1)
      .map(
        (result, index) =>
          `${(result[what][tool].wallMs / /** @type {any} */ (results[index])[what][tool].wallMs).toFixed(1)}×`,
      )
      .join(', ');
  const steps = results
    .slice(1)
    .map((result, index) => `${/** @type {any} */ (results[index]).operations}→${result.operations}`)
    .join(', ');
  rows.push(
    [
      `Scale: growth of generate time per 10× operations (${steps})`,
      growth('ours', 'generate'),
      growth('heyApi', 'generate'),
      growth('orval', 'generate'),
      '',
      '',
      '10× = linear',
    ],
    [
      `Scale: growth of tsc --noEmit time per 10× operations (${steps})`,
      growth('ours', 'tsc'),
      growth('heyApi', 'tsc'),
      growth('orval', 'tsc'),
      '',
      '',
      '10× = linear',
    ],
  );
}
if (only.includes('list-all')) {
  progress('list-all');
  const items = 100_000;
  const m = await listAllMemory({ items });
  rows.push([
    `listAll over ${items.toLocaleString('en')} items, pages of 100: ` +
      'peak heap while iterating (heap after GC: first page → end)',
    `${(m.peakHeap / 1048576).toFixed(1)} MiB ` +
      `(${(m.afterFirstPage / 1048576).toFixed(1)} → ${(m.atEnd / 1048576).toFixed(1)} MiB)`,
    '',
    '',
    '',
    '',
    `max RSS ${mib(m.maxRssKiB)}`,
  ]);
}

if (only.includes('mock')) rows.push(...(await (await import('./lib/mock.mjs')).mockRows({ quick })));

// The client's own measurements (docs/client.md), one script each, printing JSON: per-call
// overhead against fetch with an AbortSignal, cold import, size by module, the gzip bomb's peak
// RSS, the 3,000-operation build.
const CLIENT_SCRIPTS = [
  ['client-overhead.mjs', quick ? '1' : '5'],
  ['import-time.mjs', quick ? '3' : '15'],
  ['client-size.mjs'],
  ['bomb-rss.mjs'],
  ['client-scale-build.mjs', quick ? '1000' : '3000'],
];
if (only.includes('client'))
  for (const [script = '', ...args] of CLIENT_SCRIPTS) {
    progress(script);
    const out = execFileSync(process.execPath, [path.join(BENCH_DIR, 'lib', script), ...args], { encoding: 'utf8' });
    rows.push([`Client: \`${script} ${args.join(' ')}\``, JSON.stringify(JSON.parse(out)), '', '', '', '', '']);
  }

const header = ['Benchmark', 'ours', 'hey-api', 'orval', 'openapi-fetch', 'raw fetch', 'ours vs'];
const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
const cpu = `${availableParallelism()} × ${cpus()[0]?.model.trim()}`;
const machine = `${cpu}, Node ${process.version}, load average ${load} at start`;
const command = `npm run bench${quick ? ' -- --quick' : ''}`;
const took = Math.round((Date.now() - started) / 1000);
const report = `${table}

Measured ${new Date(started).toISOString().slice(0, 10)} by \`${command}\` in ${took} s on ${machine}. \
Every number in a row comes from the same run on the same input.
`;
process.stdout.write(`\n${report}`);
writeFileSync(path.join(BENCH_DIR, 'results.md'), `# Benchmark results\n\n${report}`);
