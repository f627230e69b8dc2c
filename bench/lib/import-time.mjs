// @ts-check
// Cold import time: in a fresh Node process each time, the time `await import()` of a client
// module takes (process start left out), median of `runs`. Ours as installed (the built package,
// one file per module), and the small program (programs/) on each client bundled into one file
// for Node: ours, openapi-fetch alone, and hey-api's generated client (when .work/hey-api exists).
// `node bench/lib/import-time.mjs [runs]` prints milliseconds as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMain } from '../../scripts/lib/cli.mjs';
import { bundleForNode } from './children.mjs';
import { BENCH_DIR, ROOT, WORK_DIR } from './paths.mjs';
import { median } from './stats.mjs';

/** Milliseconds a fresh process takes to import `url`. @param {string} url */
function timed(url) {
  const code = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout);
}

const PACKAGE = path.join(ROOT, 'dist', 'package', 'src', 'index.js');

/** The modules compared, by name → file URL. */
async function modules() {
  /** @type {Record<string, string>} */
  const found = { '@macha/api-client (installed)': pathToFileURL(PACKAGE).href };
  const programs = ['macha', 'openapi-fetch', ...(existsSync(path.join(WORK_DIR, 'hey-api')) ? ['hey-api'] : [])];
  for (const program of programs) {
    const outfile = path.join(WORK_DIR, 'import-time', `${program}.mjs`);
    mkdirSync(path.dirname(outfile), { recursive: true });
    await bundleForNode(path.join(BENCH_DIR, 'programs', `${program}.ts`), outfile, {
      alias: { '@macha/api-client': PACKAGE },
    });
    found[`${program} (bundled)`] = pathToFileURL(outfile).href;
  }
  return found;
}

/** Median cold import time (ms) of each module. @param {number} runs */
export async function importTimes(runs = 15) {
  return Object.fromEntries(
    Object.entries(await modules()).map(([name, url]) => [
      name,
      Number(median(Array.from({ length: runs }, () => timed(url))).toFixed(1)),
    ]),
  );
}

if (isMain(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await importTimes(Number(process.argv[2] ?? 15)))}\n`);
}
