// Each way an edit can break the pipeline fails `npm run generate` with one clear message naming
// the file, the line and the problem, and leaves every previously generated file as it was.
import { afterAll, describe, expect, test } from 'vitest';
import { GENERATED_FILES } from '../../scripts/generate.mjs';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

interface BreakingEdit {
  name: string;
  apply(copy: SpecCopy): void;
  expect: (string | RegExp)[];
}

const TOOL = 'spec/components/schemas/Tool.yaml';
const edits: BreakingEdit[] = [
  {
    name: 'invalid YAML',
    apply: (c) => c.edit(TOOL, 'required:\n', 'required: [\n'),
    expect: [/spec\/components\/schemas\/Tool\.yaml:\d+:\d+/, /Failed to parse|unexpected end|flow collection/i],
  },
  {
    name: 'a $ref to a missing file',
    apply: (c) => c.edit(TOOL, '  type:\n    $ref: ./ToolType.yaml', '  type:\n    $ref: ./ToolKind.yaml'),
    expect: [/spec\/components\/schemas\/Tool\.yaml:\d+:\d+/, 'no-unresolved-refs', 'ToolKind.yaml'],
  },
  {
    name: 'a circular $ref (a file that is only a $ref to itself)',
    apply: (c) => c.write('spec/components/schemas/ToolType.yaml', '$ref: ./ToolType.yaml\n'),
    expect: ['spec/components/schemas/ToolType.yaml:1: circular $ref'],
  },
  {
    name: 'an unresolvable JSON pointer in a $ref',
    apply: (c) => c.edit(TOOL, '$ref: ./ToolType.yaml', '$ref: ./ToolType.yaml#/nope'),
    expect: [/spec\/components\/schemas\/Tool\.yaml:\d+:\d+/, 'no-unresolved-refs'],
  },
  {
    name: 'a schema that is not valid JSON Schema (an unknown type)',
    apply: (c) => c.edit(TOOL, '  disabled:\n    type: boolean', '  disabled:\n    type: bool'),
    expect: [/spec\/components\/schemas\/Tool\.yaml:\d+:\d+/, 'struct'],
  },
  {
    name: 'a schema that is not valid JSON Schema (a negative minLength)',
    apply: (c) =>
      c.edit(
        TOOL,
        '    minLength: 1\n    maxLength: 128\n    examples:\n      - zendesk_get_ticket',
        '    minLength: -1\n    maxLength: 128\n    examples:\n      - zendesk_get_ticket',
      ),
    expect: [/spec\/components\/schemas\/Tool\.yaml:\d+:\d+/, 'struct'],
  },
  {
    name: 'an example that breaks its schema',
    apply: (c) => c.edit('spec/paths/connectors.yaml', 'next_cursor: null', 'next_cursor: 42'),
    expect: [/spec\/paths\/connectors\.yaml:\d+:\d+/, 'no-invalid-media-type-examples'],
  },
  {
    name: 'a duplicate operationId',
    apply: (c) => c.edit('spec/paths/connectors_{id}.yaml', 'operationId: getConnector', 'operationId: listConnectors'),
    expect: [/spec\/paths\/connectors(_\{id\})?\.yaml:\d+:\d+/, 'operation-operationId-unique'],
  },
];

describe.concurrent('npm run generate is atomic', () => {
  const copies: SpecCopy[] = [];
  afterAll(() => {
    for (const copy of copies) copy.remove();
  });

  test.each(edits.map((edit) => [edit.name, edit] as const))(
    '%s: one clear failure, generated/ untouched',
    async (_name, edit) => {
      const copy = copySpec({ withGenerated: true });
      copies.push(copy);
      const before = GENERATED_FILES.map((file) => copy.read(`generated/${file}`));
      edit.apply(copy);
      // In this process (the same command and output as the script; generate.test.ts runs the script).
      const { status, output } = await copy.runInProcess('generate.mjs');
      expect(status, output).toBe(1);
      expect(output).toContain('generate failed');
      for (const expected of edit.expect) expect(output).toMatch(expected);
      // A message for people, not a crash: no JavaScript stack trace.
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(GENERATED_FILES.map((file) => copy.read(`generated/${file}`))).toEqual(before);
      // The whole pipeline; several run at once on a 2-core machine.
    },
    90_000,
  );
});
