// @ts-check
// Cold import time: in a fresh Node process each time, the time `await import()` of a client
// module takes (process start left out), median of `runs`. Ours (the built package), openapi-fetch alone, and hey-api's
// generated client (when lib/codegen.mjs has generated it into .work/hey-api).
// `node bench/lib/import-time.mjs [runs]` prints milliseconds as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMain } from '../../scripts/lib/cli.mjs';
import { ROOT, WORK_DIR } from './paths.mjs';
import { median } from './stats.mjs';

/** Milliseconds a fresh process takes to import `url`. @param {string} url */
function timed(url) {
  const code = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout);
}

/** The modules compared, by name → file URL. */
function modules() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  /** @type {Record<string, string>} */
  const found = {
    '@macha/api-client': pathToFileURL(path.join(ROOT, 'dist', 'package', 'src', 'index.js')).href,
    'openapi-fetch': pathToFileURL(require.resolve('openapi-fetch')).href,
  };
  const heyApi = path.join(WORK_DIR, 'hey-api', 'client.gen.js');
  if (existsSync(heyApi)) found['hey-api client'] = pathToFileURL(heyApi).href;
  return found;
}

/** Median cold import time (ms) of each module. @param {number} runs */
export function importTimes(runs = 15) {
  return Object.fromEntries(
    Object.entries(modules()).map(([name, url]) => [
      name,
      Number(median(Array.from({ length: runs }, () => timed(url))).toFixed(1)),
    ]),
  );
}

if (isMain(import.meta.url)) process.stdout.write(`${JSON.stringify(importTimes(Number(process.argv[2] ?? 15)))}\n`);
