// @ts-check
// Per-call overhead of the client against raw fetch with a per-call AbortSignal (the floor of any
// client with a time limit per call), one call at a time and 50 in flight: p50 of getConnector
// over lib/client-run.mjs, median of `rounds` fresh processes, as a ratio. Needs nothing from the
// bench package: `node bench/lib/client-overhead.mjs [rounds] [name=path/to/index.js ...]`
// (extra builds of the client, e.g. an older one, are measured side by side).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { isMain } from '../../scripts/lib/cli.mjs';
import { bundleForNode, jsonFromNode, startChild } from './children.mjs';
import { BENCH_DIR, ROOT, WORK_DIR } from './paths.mjs';
import { median, percentile } from './stats.mjs';

/**
 * Bundles a program for Node with @macha/api-client resolved to `client`.
 * @param {string} program @param {string} name @param {string} client
 */
async function bundled(program, name, client) {
  const outfile = path.join(WORK_DIR, 'overhead', `${name}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await bundleForNode(path.join(BENCH_DIR, 'programs', `${program}.ts`), outfile, {
    alias: { '@macha/api-client': client },
  });
  return `${name}=${outfile}`;
}

/**
 * p50 (µs) per client and the ratios to fetch-timeout.
 * @param {{ rounds?: number, sequential?: number, bursts?: number, extra?: Record<string, string> }} [options]
 */
export async function clientOverhead({ rounds = 5, sequential = 2000, bursts = 4, extra = {} } = {}) {
  const current = path.join(ROOT, 'dist', 'package', 'src', 'index.js');
  const bundles = [
    await bundled('fetch-timeout', 'fetch-timeout', current),
    await bundled('openapi-fetch', 'openapi-fetch', current),
    await bundled('macha', 'macha', current),
    ...(await Promise.all(Object.entries(extra).map(([name, client]) => bundled('macha', name, client)))),
  ];
  const names = bundles.map((entry) => entry.split('=')[0] ?? '');
  const { match, stop } = await startChild(path.join(BENCH_DIR, 'lib', 'api-server.mjs'), [], /listening (\d+)/);
  /** @type {Record<string, { seq: number[], conc: number[] }>} */
  const perRound = Object.fromEntries(names.map((name) => [name, { seq: [], conc: [] }]));
  try {
    for (let round = 0; round < rounds; round += 1) {
      const runs = await jsonFromNode([
        path.join(BENCH_DIR, 'lib', 'client-run.mjs'),
        `http://127.0.0.1:${match[1]}/api/v1`,
        String(sequential),
        String(bursts),
        ...bundles,
      ]);
      for (const name of names) {
        perRound[name]?.seq.push(percentile(runs[name].sequential, 50));
        perRound[name]?.conc.push(percentile(runs[name].concurrent, 50));
      }
    }
  } finally {
    stop();
  }
  const base = perRound['fetch-timeout'] ?? { seq: [1], conc: [1] };
  return Object.fromEntries(
    names.map((name) => {
      const { seq, conc } = perRound[name] ?? { seq: [], conc: [] };
      return [
        name,
        {
          sequentialP50us: Math.round(median(seq)),
          concurrentP50us: Math.round(median(conc)),
          sequentialRatio: Number((median(seq) / median(base.seq)).toFixed(2)),
          concurrentRatio: Number((median(conc) / median(base.conc)).toFixed(2)),
        },
      ];
    }),
  );
}

if (isMain(import.meta.url)) {
  const [rounds, ...named] = process.argv.slice(2);
  const extra = Object.fromEntries(named.map((entry) => /** @type {[string, string]} */ (entry.split('='))));
  process.stdout.write(`${JSON.stringify(await clientOverhead({ rounds: Number(rounds ?? 5), extra }), null, 2)}\n`);
}
