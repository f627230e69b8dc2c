// The code checks of `npm run lint`: an import, require or path that reaches into a dependency's
// private files (dist/, lib/, chunks/, or a subpath the package does not export) fails, naming the
// file and line; so does a hand-written line over 120 characters. Run on a small fixture project.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { deepImportProblems, longLineProblems } from '../../scripts/lib/code-checks.mjs';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project depending on `exported` (with an exports map) and `plain` (without one). */
function fixture(files: Record<string, string>) {
  root = mkdtempSync(path.join(tmpdir(), 'macha-code-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ devDependencies: { exported: '1', plain: '1', '@scope/tool': '1' } }));
  write(
    'node_modules/exported/package.json',
    JSON.stringify({
      name: 'exported',
      exports: { '.': './dist/index.js', './config': './dist/config.js', './*': './*' },
    }),
  );
  write('node_modules/plain/package.json', JSON.stringify({ name: 'plain', main: 'index.js' }));
  write('node_modules/@scope/tool/package.json', JSON.stringify({ name: '@scope/tool', exports: { '.': './x.js' } }));
  for (const [file, text] of Object.entries(files)) write(file, text);
}

describe('the deep-import check', () => {
  test('exported entry points pass', async () => {
    fixture({
      'scripts/ok.mjs': "import a from 'exported';\nimport b from 'exported/config';\nimport c from 'plain';\n",
      'src/ok.ts': "import x from '@scope/tool';\nimport fs from 'node:fs';\nimport own from './dist/local.js';\n",
    });
    expect(await deepImportProblems({ root })).toEqual([]);
  });

  test.each([
    [
      'an import of dist/ (even through a `./*` export)',
      'scripts/a.mjs',
      "import t from 'exported/dist/transform.cjs';",
    ],
    ['a require of lib/chunks', 'test/a.test.ts', "const r = require('plain/lib/chunks/redoc.js');"],
    ['a subpath the package does not export', 'src/a.ts', "import t from '@scope/tool/internal';"],
    ['a subpath of a package without exports', 'bench/a.mjs', "const m = await import('plain/helpers.js');"],
    ['a createRequire call by any name', 'mock/a.mjs', "const x = load('exported/lib/utils.cjs');"],
    ['a path into node_modules', 'test/support/a.ts', "const cli = path.join(ROOT, 'node_modules/plain/dist/cli.js');"],
    [
      'the folder of a package, found by resolving its package.json',
      'scripts/b.mjs',
      "const dir = path.dirname(require.resolve('exported/package.json'));",
    ],
  ])('%s fails, naming the file and line', async (_name, file, line) => {
    fixture({ [file]: `// first line\n${line}\n` });
    const problems = await deepImportProblems({ root });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: '.+' reaches a private file`),
    );
  });
});

describe('the line-length check', () => {
  test('a line over 120 characters fails; 120 passes; generated/ and node_modules/ are not read', async () => {
    fixture({
      'src/a.ts': `const ok = '${'x'.repeat(106)}';\nconst long = '${'x'.repeat(106)}';\n`,
      'generated/schema.ts': `${'y'.repeat(300)}\n`,
      'node_modules/plain/index.js': `${'z'.repeat(300)}\n`,
      'redocly.yaml': `rules:\n  a: ${'w'.repeat(130)}\n`,
    });
    expect(await longLineProblems({ root })).toEqual([
      'redocly.yaml:2: 135 characters, over 120; wrap it',
      'src/a.ts:2: 122 characters, over 120; wrap it',
    ]);
  });
});

describe('npm run lint -- --only code', () => {
  let copy: SpecCopy | undefined;
  afterEach(() => copy?.remove());

  test('fails on a deep import with one line per problem and no stack trace', async () => {
    copy = copySpec();
    copy.write('src/deep.ts', "import transform from 'openapi-typescript/dist/transform/index.cjs';\n");
    const { status, output } = await copy.runInProcess('lint.mjs', ['--only', 'code']);
    expect(status).toBe(1);
    expect(output).toMatch(/src\/deep\.ts:1: 'openapi-typescript\/dist\/transform\/index\.cjs' reaches a private file/);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
