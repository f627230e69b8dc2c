// `npm run generate` is deterministic (same input, same bytes: what CI's drift check relies on)
// and atomic (a failing run leaves every previously generated file as it was).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GENERATED_FILES as FILES } from '../../scripts/generate.mjs';
import { ROOT, copySpec, type SpecCopy } from '../support/spec-copy.js';

describe('npm run generate', () => {
  // Made in a hook, not at collection: a file whose tests are filtered out leaves nothing behind.
  let copy: SpecCopy;
  beforeAll(() => {
    copy = copySpec();
  });
  afterAll(() => copy.remove());

  // Two whole pipeline runs: the script in a process of its own, then its command in this process,
  // which must give the same bytes. On a busy 2-core machine they can outlast the suite's 30 s
  // default, so this test has a hang guard of its own.
  test('prints every step with its duration and reproduces the committed generated/ byte for byte', async () => {
    const first = copy.run('generate.mjs');
    expect(first.status, first.output).toBe(0);
    for (const stepName of [
      'load + bundle',
      'lint (redocly)',
      'lint (layout)',
      'lint (markdown html)',
      'lint (decisions)',
      'lint (spectral owasp)',
      'bundle (yaml + json)',
      'types (openapi-typescript)',
      'operation table + client declarations',
      'docs (redoc)',
      'decisions table (docs/decisions.md)',
      'package (tsc → dist/package)',
      'mock package (esbuild → dist/mock-package)',
      'move into generated/ and dist/',
    ]) {
      expect(first.output).toMatch(new RegExp(`✔ ${stepName.replace(/[()+./]/g, '\\$&')}\\s+\\d+ ms`));
    }
    const firstBytes = FILES.map((file) => copy.read(`generated/${file}`));
    const second = await copy.runInProcess('generate.mjs');
    expect(second.status, second.output).toBe(0);
    expect(FILES.map((file) => copy.read(`generated/${file}`))).toEqual(firstBytes);
    // The committed output must be what the committed spec produces (the drift check, locally).
    expect(firstBytes).toEqual(FILES.map((file) => readFileSync(path.join(ROOT, 'generated', file), 'utf8')));
    expect(readdirSync(path.join(copy.dir, 'generated')).sort()).toEqual([...FILES].sort());
    expect(copy.read('dist/docs/index.html')).toContain('<title>Macha API</title>');
    // The decisions table is generated too, and the committed one must match it.
    expect(copy.read('docs/decisions.md')).toBe(readFileSync(path.join(ROOT, 'docs', 'decisions.md'), 'utf8'));
    expect(copy.read('dist/mock-package/package.json')).toContain('"name": "@macha/api-mock"');
    // Two whole pipeline runs, package builds included: minutes on a loaded 2-core machine.
  }, 180_000);

  test('bundles each component under its file name, never as Name-2', () => {
    const bundle = JSON.parse(copy.read('generated/openapi.json')) as {
      components: Record<string, Record<string, unknown>>;
    };
    const names = Object.values(bundle.components).flatMap((named) => Object.keys(named));
    expect(names).toContain('ConnectorDetail');
    expect(names.filter((name) => /-\d+$/.test(name))).toEqual([]);
  });

  test('a failing run names the file and line and leaves generated/ and the docs untouched', async () => {
    const before = FILES.map((file) => copy.read(`generated/${file}`));
    const docsBefore = copy.read('dist/docs/index.html');
    copy.edit('spec/components/schemas/Tool.yaml', '  label:\n', '  label:\n    $ref: ./Missing.yaml\n');
    const result = await copy.runInProcess('generate.mjs');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/spec\/components\/schemas\/Tool\.yaml:\d+:\d+/);
    expect(result.output).toContain('generate failed');
    expect(FILES.map((file) => copy.read(`generated/${file}`))).toEqual(before);
    expect(copy.read('dist/docs/index.html') === docsBefore, 'dist/docs/index.html changed').toBe(true);
  }, 60_000);
});
