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

  test("contains the built client, its types and the users' README, not the sources, tests or pipeline", () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/src/index.js');
    expect(listing).toContain('package/src/index.d.ts');
    expect(listing).toContain('package/generated/operations.d.ts');
    expect(listing).toContain('package/README.md');
    expect(listing.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    expect(listing.filter((file) => /^package\/(test|spec|scripts|bench)\//.test(file))).toEqual([]);
  });

  test("the README is the users' guide: install, every method, errors, retries; no pipeline internals", () => {
    const readme = execFileSync('tar', ['-xzOf', tarball, 'package/README.md'], { encoding: 'utf8' });
    for (const part of [
      'npm install @macha/api-client',
      'macha.connectors.retrieve(id, options?)',
      'withResponse',
      'macha.request(',
      'Retries',
      'Node',
    ])
      expect(readme).toContain(part);
    expect(readme).not.toMatch(/npm run generate|npm test|openapi-typescript|Redocly|vitest/);
  });
});
