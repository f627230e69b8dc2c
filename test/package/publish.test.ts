// The packed tarball is what npm consumers get: publint and arethetypeswrong must find no problem,
// and it holds the built package and nothing else.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packTarball } from '../support/packed.js';
import { ROOT } from '../support/spec-copy.js';

describe('the packed package', () => {
  // Packed in a hook, not at collection: nothing runs for a file whose tests are filtered out.
  let tarball = '';
  let removeTarball = () => {};
  beforeAll(() => {
    ({ tarball, remove: removeTarball } = packTarball());
  });
  afterAll(() => removeTarball());
  test('publint reports nothing', async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      strict: true,
    });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  test('arethetypeswrong finds no problem for ESM consumers (node16 and bundler)', () => {
    // esm-only: CommonJS `require` of an ESM package is a documented choice (README), not a problem.
    const cli = path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const result = spawnSync(process.execPath, [cli, tarball, '--profile', 'esm-only', '--format', 'table-flipped'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  test('contains the built client and its types, not the sources or tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/package/src/index.js');
    expect(listing).toContain('package/dist/package/src/index.d.ts');
    expect(listing.filter((file) => /^package\/(src|test|spec|scripts)\//.test(file))).toEqual([]);
  });
});
