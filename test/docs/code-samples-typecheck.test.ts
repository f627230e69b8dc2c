// Every TypeScript sample the docs show must compile, strict, against the built package
// @macha/api-client (its declarations at dist/package/src/index.d.ts, built by `pretest`), so the
// docs never show a call, option or field the client does not have. The samples are read from
// generated/openapi.json, exactly as the docs page gets them: each operation's (errors name its
// file under spec/code_samples/) and the ```ts blocks of the guide pages.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CompilerOptions, FormatDiagnosticsHost } from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { pathFileName } from '../../scripts/lib/layout.mjs';
import { guidePages } from '../../scripts/lib/llms.mjs';
import { loadTypeScript } from '../../scripts/lib/typescript.mjs';
import { bundle } from '../support/bundle.js';
import { documentedOperations } from '../support/operations.js';
import { ROOT } from '../support/spec-copy.js';

// TypeScript through the pipeline's loader (require(), not an ESM import of its 9 MB source).
const ts = loadTypeScript();
const PACKAGE_TYPES = path.join(ROOT, 'dist', 'package', 'src', 'index.d.ts');
const TS_LABEL = '@macha/api-client';

/** A sample that calls a method the client does not have: the harness must reject it. */
const BROKEN_SAMPLE = `import { createMachaClient } from "@macha/api-client";
const macha = createMachaClient({ apiKey: process.env.MACHA_API_KEY });
await macha.connectors.lst({ limit: 25 });
`;

/**
 * Type-checks each source (keyed by the file it is shown as) as its own ES module in one program,
 * with `@macha/api-client` resolved to the package declarations; returns each file's diagnostics.
 */
function typeCheck(sources: Record<string, string>): Record<string, string[]> {
  const files = new Map(Object.entries(sources).map(([file, source]) => [path.join(ROOT, file), source]));
  const options: CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    // Users' code often has it on: an optional field must accept `undefined` (issue 14).
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    paths: { [TS_LABEL]: [PACKAGE_TYPES] },
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => files.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    const source = files.get(file);
    return source === undefined
      ? getSourceFile(file, language, ...rest)
      : ts.createSourceFile(file, source, language, true);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const global = [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()];
  if (global.length > 0) throw new Error(ts.formatDiagnostics(global, formatHost));
  return Object.fromEntries(
    [...files.keys()].map((file) => {
      const sourceFile = program.getSourceFile(file)!;
      const diagnostics = [
        ...program.getSyntacticDiagnostics(sourceFile),
        ...program.getSemanticDiagnostics(sourceFile),
      ];
      return [
        path.relative(ROOT, file),
        diagnostics.map((diagnostic) => ts.formatDiagnostic(diagnostic, formatHost).trim()),
      ];
    }),
  );
}

const formatHost: FormatDiagnosticsHost = {
  getCanonicalFileName: (file) => file,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

/** The ```ts blocks of every guide page, each shown as `guides/<page>/<n>.ts`. */
function guideSamples(): Record<string, string> {
  const samples: Record<string, string> = {};
  for (const page of guidePages(bundle)) {
    const blocks = [...page.markdown.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
    const name = page.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    blocks.forEach((source, index) => {
      samples[path.join('guides', name, `${index + 1}.ts`)] = source;
    });
  }
  return samples;
}

describe(`TypeScript samples compile against ${TS_LABEL} (${path.relative(ROOT, PACKAGE_TYPES)})`, () => {
  const operations = documentedOperations().map((operation) => ({
    ...operation,
    // Where the sample's source lives (the lint layout), so an error points at the file to fix.
    file: path.join(
      'spec',
      'code_samples',
      'typescript',
      pathFileName(operation.path).replace(/\.yaml$/, ''),
      `${operation.method}.ts`,
    ),
  }));
  const brokenFile = path.join('dist', 'samples', 'broken.ts');
  const guides = guideSamples();
  let diagnostics: Record<string, string[]> = {};
  // In a hook, not at collection, so a skipped suite costs no compilation.
  beforeAll(() => {
    if (!existsSync(PACKAGE_TYPES))
      throw new Error(`${PACKAGE_TYPES} is missing: run \`npm run build\` (npm test does it first)`);
    diagnostics = typeCheck({
      ...Object.fromEntries(operations.map((operation) => [operation.file, operation.samples[TS_LABEL] ?? ''])),
      ...guides,
      [brokenFile]: BROKEN_SAMPLE,
    });
  }, 60_000);

  test.each(
    operations.map((operation) => [operation.operationId, operation] as const),
  )('%s: its TypeScript sample compiles (strict)', (_id, operation) => {
    expect(operation.samples[TS_LABEL], `${operation.operationId} has no ${TS_LABEL} sample`).toMatch(
      /from ['"]@macha\/api-client['"]/,
    );
    expect(diagnostics[operation.file]).toEqual([]);
  });

  test('the guide pages have TypeScript samples (the client guide at least)', () => {
    expect(Object.keys(guides).filter((file) => file.includes('using-the-typescript-client')).length).toBeGreaterThan(
      2,
    );
  });

  test.each(Object.keys(guides).map((file) => [file] as const))('%s (a guide sample) compiles (strict)', (file) => {
    expect(diagnostics[file]).toEqual([]);
  });

  test('a sample calling a method the client lacks is reported, naming the file, line and method', () => {
    expect(diagnostics[brokenFile]).toEqual([
      expect.stringMatching(/^dist\/samples\/broken\.ts\(3,\d+\): error TS(2339|2551): Property 'lst' does not exist/),
    ]);
  });
});
