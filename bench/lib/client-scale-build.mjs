// @ts-check
// The client package built for a synthetic spec of N operations (lib/synthetic.mjs): bundle,
// types (openapi-typescript's public openapiTS), the operation table and the declarations, then
// the package build, which type-checks src/ against them. `node client-scale-build.mjs <N>` prints
// each stage's milliseconds as JSON (the bench runs it as a child to measure its peak memory).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { isMain } from '../../scripts/lib/cli.mjs';
import { operationsSource } from '../../scripts/lib/operations.mjs';
import { buildPackage } from '../../scripts/lib/package.mjs';
import { bundleCurrentSpec } from '../../scripts/lib/releases.mjs';
import { ROOT } from './paths.mjs';
import { syntheticProject } from './synthetic.mjs';

/**
 * Builds the client for a synthetic spec of `operations` operations; resolves with the project
 * folder (the caller removes it) and each stage's milliseconds. Throws the build's StepError.
 * @param {number} operations
 */
export async function buildSyntheticClient(operations) {
  const times = /** @type {Record<string, number>} */ ({});
  let started = performance.now();
  const lap = (/** @type {string} */ name) => {
    times[name] = Math.round(performance.now() - started);
    started = performance.now();
  };
  const dir = syntheticProject(ROOT, operations);
  try {
    lap('project');
    const bundle = await bundleCurrentSpec(dir);
    lap('bundle');
    const files = {
      'generated/schema.ts': astToString(
        await openapiTS(/** @type {any} */ (bundle), { rootTypes: true, rootTypesNoSchemaPrefix: true }),
      ),
      'generated/operations.ts': operationsSource(bundle, '0.0.0'),
      'generated/openapi.json': JSON.stringify(bundle),
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    lap('generate');
    await buildPackage({ root: dir, bundle });
    lap('build');
    return { dir, times };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

if (isMain(import.meta.url)) {
  const { dir, times } = await buildSyntheticClient(Number(process.argv[2]));
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(times));
}
