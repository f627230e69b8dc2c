// The whole client, bundled for a browser and minified, stays within its gzip budget.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { operationTable } from '../../generated/operations.js';
import { ROOT } from '../support/spec-copy.js';

/**
 * The budget, min+gzip bytes, for everything a browser app gets from the package: a fixed part for
 * the code and a part per operation for the generated operation table, which grows with the spec.
 * Measured at 24 operations (`node bench/lib/client-size.mjs`, and the table cut to 0/3/12/24
 * entries): 9,151 B with an empty table (openapi-fetch ~2.3 KiB of it; the features of issues 14
 * and 17 as itemised in docs/client.md), +834 B for 24 operations, ~35 B each. Code: 9.25 KiB,
 * about 300 B of headroom; table: 40 B per operation.
 */
const CODE_BUDGET_BYTES = 9.25 * 1024;
const PER_OPERATION_BYTES = 40;
const SIZE_BUDGET_BYTES = CODE_BUDGET_BYTES + PER_OPERATION_BYTES * Object.keys(operationTable).length;

test('the browser bundle of the whole client (min+gzip) is within the budget', async () => {
  const result = await build({
    stdin: { contents: "export * from '@macha/api-client';", resolveDir: ROOT, loader: 'js' },
    // The package resolves to itself through its own exports map, as an app's bundler would see it.
    alias: { '@macha/api-client': `${ROOT}/dist/package/src/index.js` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const bytes = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).byteLength;
  console.log(`client bundle: ${bytes} bytes min+gzip (budget ${SIZE_BUDGET_BYTES})`);
  expect(bytes).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
  expect(bytes).toBeGreaterThan(1000);
});
