// Issue 17 (scale): with 1,000 operations already, the old route check's types failed with TS2590
// ("union type too complex"), as they did with 3,000. 1,000 operations prove the fix here: src/
// type-checks against the generated files and a consumer call to one of the methods type-checks
// too. The 3,000-operation build, with its time and memory, is the bench's (client-scale-build.mjs).
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

// Loaded by URL: the type check of the tests must not take in the bench's synthetic-spec writer.
const BUILD = new URL('../../bench/lib/client-scale-build.mjs', import.meta.url).href;

test('a 1,000-operation spec builds, and calls to its methods type-check', async () => {
  const { buildSyntheticClient } = (await import(BUILD)) as {
    buildSyntheticClient(operations: number): Promise<{ dir: string }>;
  };
  const { dir } = await buildSyntheticClient(1000);
  try {
    const consumer = path.join(dir, 'src', '__consumer.ts');
    const table = (await import(path.join(dir, 'dist', 'package', 'generated', 'operations.js'))).operationTable;
    const last = Object.values(table as Record<string, { resource: string; action: string }>).findLast(
      (operation) => operation.action === 'retrieve',
    )!;
    writeFileSync(
      consumer,
      `import { createMachaClient } from './index.js';\nconst macha = createMachaClient({ apiKey: 'k' });\n` +
        `export const done: Promise<unknown> = macha.${last.resource}.${last.action}(` +
        `'widget_64f1c0ef2ec711ef6dc1dcf0');\n` +
        `// @ts-expect-error no such method\nmacha.${last.resource}.nothing();\n`,
    );
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(dir, 'tsconfig.build.json'),
      { noEmit: true },
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    )!;
    const program = ts.createProgram([...config.fileNames, consumer], config.options);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
