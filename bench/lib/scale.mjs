// @ts-check
// Scale: synthetic specs of 10, 100 and 1,000 operations (lib/synthetic.mjs). For each tool:
// generate time and peak memory (median of `runs`), and tsc --noEmit over what it generated.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { copyOurTypes, heyApi, orval, ourGenerate, typecheck } from './codegen.mjs';
import { ROOT, WORK_DIR } from './paths.mjs';
import { summary } from './regenerate.mjs';
import { syntheticProject } from './synthetic.mjs';

/** @typedef {import('./timed.mjs').Timed} Timed */

/**
 * @param {{ sizes: number[], runs: number }} options
 */
export async function scale({ sizes, runs }) {
  const results = [];
  for (const operations of sizes) {
    const project = syntheticProject(ROOT, operations);
    const input = path.join(project, 'generated', 'openapi.yaml');
    const out = (/** @type {string} */ name) => path.join(WORK_DIR, 'scale', `${operations}`, name);
    try {
      /** @type {Record<'ours' | 'heyApi' | 'orval', Timed[]>} */
      const generate = { ours: [], heyApi: [], orval: [] };
      /** @type {Record<'ours' | 'heyApi' | 'orval', Timed[]>} */
      const tsc = { ours: [], heyApi: [], orval: [] };
      for (let run = 0; run < runs; run += 1) {
        generate.ours.push(await ourGenerate(project));
        generate.heyApi.push(await heyApi(input, out('hey-api')));
        generate.orval.push(await orval(input, out('orval')));
      }
      copyOurTypes(project, out('ours'));
      for (let run = 0; run < runs; run += 1) {
        tsc.ours.push(await typecheck(out('ours')));
        tsc.heyApi.push(await typecheck(out('hey-api')));
        tsc.orval.push(await typecheck(out('orval')));
      }
      results.push({
        operations,
        generate: { ours: summary(generate.ours), heyApi: summary(generate.heyApi), orval: summary(generate.orval) },
        tsc: { ours: summary(tsc.ours), heyApi: summary(tsc.heyApi), orval: summary(tsc.orval) },
      });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }
  return results;
}
