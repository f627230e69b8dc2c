// The package build reuses its last type check when src/ and the generated types changed only in
// comments (the usual spec edit: a description), and must then give exactly what a full build
// gives; any other change (a type, a compiler directive, a broken src/) builds in full.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPackage } from '../../scripts/lib/package.mjs';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

const SCHEMA = 'generated/schema.ts';
const DESCRIPTION = '/** @description A tool a connector exposes to agents.';

/** Every file under dir, by path relative to it, with its text. */
function tree(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files
      .map((entry) => [
        path.relative(dir, path.join(entry.parentPath, entry.name)),
        readFileSync(path.join(entry.parentPath, entry.name), 'utf8'),
      ])
      .sort(),
  );
}

/** The build's error text, or a failed expectation when it does not fail. */
function failure(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return (error as Error).message;
  }
  expect.fail('the build passed');
}

describe('package build: the reused type check', { timeout: 120_000 }, () => {
  // Made in a hook, not at collection: a file whose tests are filtered out leaves nothing behind.
  let copy: SpecCopy;
  beforeAll(() => {
    copy = copySpec({ withGenerated: true });
  });
  afterAll(() => copy.remove());
  const build = () => buildPackage({ root: copy.dir });
  const output = () => tree(path.join(copy.dir, 'dist', 'package'));

  test('comment-only changes (a description, a src/ comment) reuse it, and the package is byte for byte a full build', () => {
    expect(build()).toBe('built');
    copy.edit(SCHEMA, DESCRIPTION, `${DESCRIPTION} Edited by the test.`);
    copy.edit('src/tool-refs.ts', '// The seed', '// Edited by the test. The seed');
    expect(build()).toBe('reused');
    const reused = output();
    expect(reused['generated/schema.d.ts']).toContain('Edited by the test.');
    rmSync(path.join(copy.dir, 'dist'), { recursive: true });
    expect(build()).toBe('built');
    expect(output()).toEqual(reused);
  });

  test('a change to the types builds in full', () => {
    build();
    copy.edit(SCHEMA, '    Tool: {\n', '    Tool: {\n        /** Added by the test. */\n        added?: string;\n');
    expect(build()).toBe('built');
    expect(output()['generated/schema.d.ts']).toContain('added?: string;');
  });

  test('a compiler directive is not just a comment, and a src/ that no longer compiles fails with file and line', () => {
    build();
    const before = copy.read('src/tool-refs.ts');
    copy.edit(
      'src/tool-refs.ts',
      'export function toolRefs',
      '// @ts-expect-error nothing here is an error\nexport function toolRefs',
    );
    expect(failure(build)).toMatch(/src\/tool-refs\.ts\(\d+,\d+\): error TS2578: Unused '@ts-expect-error' directive/);
    copy.write('src/tool-refs.ts', before);
    copy.edit('src/tool-refs.ts', 'name: tool.name', 'name: tool.disabled');
    const message = failure(build);
    expect(message).toMatch(/src\/tool-refs\.ts\(\d+,\d+\): error TS2322/);
    expect(message).toContain('The client (src/) no longer compiles against the generated types');
  });
});
