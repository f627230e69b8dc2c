// What an application compiled with the strictest options sees: exactOptionalPropertyTypes code
// that passes `| undefined` to optional fields compiles, and a missing required field is named.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/spec-copy.js';

/** Type-checks one module importing the client from src/, strict + exactOptionalPropertyTypes; returns its errors. */
function errorsOf(source: string): string[] {
  const file = path.join(ROOT, 'test', 'types', '__consumer.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => name === file || ts.sys.fileExists(name);
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language, true) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

const HEADER = `import { createMachaClient } from '../../src/index.js';
declare const maybe: string | undefined;
declare const env: Record<string, string | undefined>;
const macha = createMachaClient({ apiKey: env.MACHA_API_KEY, baseUrl: env.MACHA_BASE_URL, maxRetries: undefined });
`;

describe('a consumer with exactOptionalPropertyTypes', () => {
  test('passes possibly-undefined values to every optional option, parameter and body field', () => {
    const errors = errorsOf(`${HEADER}
export const a = macha.connectors.list(
  { limit: undefined, cursor: maybe },
  { timeoutMs: undefined, signal: undefined },
);
export const b = macha.agents.create(
  {
    handle: 'h',
    name: 'n',
    instructions: 'i',
    description: undefined,
    model: maybe,
    tools: [{ name: 't', connector_id: 'c' }],
  },
  { idempotencyKey: maybe, headers: undefined },
);
export const c = macha.request('GET', '/x', { query: { a: maybe }, body: undefined, deadlineMs: undefined });
`);
    expect(errors).toEqual([]);
  });

  test('a missing required field is named in the error', () => {
    const errors = errorsOf(`${HEADER}export const b = macha.agents.create({ name: 'n', instructions: 'i' });\n`);
    // TypeScript words it "Property 'handle' is missing" or "missing the following properties …: handle".
    expect(errors.join('\n')).toMatch(/Property 'handle' is missing|missing the following properties [^\n]*\bhandle\b/);
  });

  test('a body with neither of two alternative fields names both of them, the documented default first', () => {
    const errors = errorsOf(`${HEADER}export const b = macha.agents.create({ handle: 'h', name: 'n' });\n`);
    const text = errors.join('\n');
    expect(text).toMatch(/Property 'instructions' is missing/);
    expect(text).toMatch(/required in type '\{[^']*\binstructions_html\?: string/);
  });

  test('a selected data source without its documents names the field', () => {
    const errors = errorsOf(
      `${HEADER}export const b = macha.agents.create({ handle: 'h', name: 'n', instructions: 'i', ` +
        `data_sources: [{ source_id: 'source_0123456789abcdef01234567', scope: 'selected' }] });\n`,
    );
    expect(errors.join('\n')).toMatch(/Property 'documents' is missing/);
  });
});
