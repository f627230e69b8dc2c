// Each fixture is one broken edit an API engineer could make to the spec. `npm run lint` must fail
// on it and name the file, the line and the rule (or, for layout problems, the file and the fix).
import { describe, expect, test } from 'vitest';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

interface BrokenEdit {
  name: string;
  apply(copy: SpecCopy): void;
  /** Text the lint output must contain: the file with its line, and the rule. */
  expect: (string | RegExp)[];
}

const CONNECTORS = 'spec/paths/connectors.yaml';
const CONNECTOR = 'spec/paths/connectors_{id}.yaml';
const AGENTS = 'spec/paths/agents.yaml';

const fixtures: BrokenEdit[] = [
  {
    name: 'bad YAML (an unclosed flow sequence)',
    apply: (c) => c.edit(CONNECTORS, '  summary: List connectors', '  summary: [List connectors'),
    expect: [/spec\/paths\/connectors\.yaml:\d+:\d+/, 'Failed to parse'],
  },
  {
    name: 'a dangling $ref (a misspelt file name)',
    apply: (c) => c.edit(CONNECTORS, 'schemas/ConnectorList.yaml', 'schemas/ConnectorLst.yaml'),
    expect: [/spec\/paths\/connectors\.yaml:\d+:\d+/, 'no-unresolved-refs'],
  },
  {
    name: 'a duplicate operationId',
    apply: (c) => c.edit(AGENTS, 'operationId: createAgent', 'operationId: listConnectors'),
    expect: [/spec\/paths\/(agents|connectors)\.yaml:\d+:\d+/, 'operation-operationId-unique'],
  },
  {
    name: 'an example that breaks its schema',
    apply: (c) => c.edit(CONNECTOR, 'requires_confirmation: false', "requires_confirmation: 'no'"),
    expect: [/spec\/paths\/connectors_\{id\}\.yaml:\d+:\d+/, 'no-invalid-media-type-examples'],
  },
  {
    name: 'an example with a field the schema does not have (a typo)',
    apply: (c) => c.edit(CONNECTOR, '                  is_active: true', '                  is_actvie: true'),
    expect: [/spec\/paths\/connectors_\{id\}\.yaml:\d+:\d+/, 'no-invalid-media-type-examples'],
  },
  {
    name: 'an operationId of the wrong form',
    apply: (c) => c.edit(CONNECTOR, 'operationId: getConnector', 'operationId: getConnectorById'),
    expect: [/spec\/paths\/connectors_\{id\}\.yaml:\d+:\d+/, 'rule/operation-id-form'],
  },
  {
    name: 'an operation without x-required-scope',
    apply: (c) => c.edit(AGENTS, '  x-required-scope: agents:write\n', ''),
    // Not rule/operation-documented: a public operation (GET /) has no scope, so only
    // macha/scope-consistent can tell a missing one from `security: []`.
    expect: [/spec\/paths\/agents\.yaml:\d+:\d+/, 'macha/scope-consistent', 'x-required-scope (missing)'],
  },
  {
    name: 'a security scope that differs from x-required-scope',
    apply: (c) => c.edit(AGENTS, '        - agents:write', '        - agents:read'),
    expect: [/spec\/paths\/agents\.yaml:\d+:\d+/, 'macha/scope-consistent'],
  },
  {
    name: 'a summary ending with a period',
    apply: (c) => c.edit(CONNECTORS, 'summary: List connectors', 'summary: List connectors.'),
    expect: [/spec\/paths\/connectors\.yaml:\d+:\d+/, 'rule/summary-form'],
  },
  {
    name: 'a missing required error status (503)',
    apply: (c) => c.edit(AGENTS, "    '503':\n      $ref: ../components/responses/ServiceUnavailable.yaml\n", ''),
    expect: [/spec\/paths\/agents\.yaml:\d+:\d+/, 'rule/error-statuses'],
  },
  {
    name: 'an operation with parameters but no 422',
    apply: (c) => c.edit(CONNECTORS, "    '422':\n      $ref: ../components/responses/UnprocessableEntity.yaml\n", ''),
    expect: [/spec\/paths\/connectors\.yaml:\d+:\d+/, 'macha/validation-error-declared'],
  },
  {
    name: 'an error response written inline instead of a shared $ref',
    apply: (c) =>
      c.edit(
        CONNECTOR,
        "    '404':\n      $ref: ../components/responses/NotFound.yaml\n",
        "    '404':\n      description: Not found.\n",
      ),
    expect: [/spec\/paths\/connectors_\{id\}\.yaml:\d+:\d+/, 'macha/error-response-shared'],
  },
  {
    name: 'a response without a named example',
    apply: (c) => c.edit('spec/components/responses/NotFound.yaml', '    examples:\n', '    x-examples:\n'),
    expect: [/spec\/components\/responses\/NotFound\.yaml:\d+:\d+/, 'rule/response-examples'],
  },
  {
    name: 'a response without the X-Request-ID header',
    apply: (c) =>
      c.edit('spec/components/responses/Forbidden.yaml', '  X-Request-ID:\n    $ref: ../headers/XRequestId.yaml\n', ''),
    expect: [/spec\/components\/responses\/Forbidden\.yaml:\d+:\d+/, 'response-contains-header'],
  },
  {
    name: 'a 429 without Retry-After',
    apply: (c) =>
      c.edit(
        'spec/components/responses/TooManyRequests.yaml',
        '  Retry-After:\n    $ref: ../headers/RetryAfter.yaml\n',
        '',
      ),
    expect: [/spec\/components\/responses\/TooManyRequests\.yaml:\d+:\d+/, 'response-contains-header'],
  },
  {
    name: 'a new string field without maxLength (OWASP API4, unbounded input)',
    apply: (c) =>
      c.edit(
        'spec/components/schemas/Connector.yaml',
        '  is_active:\n',
        "  region:\n    type: string\n    description: Where the connector's data lives.\n  is_active:\n",
      ),
    expect: [/spec\/components\/schemas\/Connector\.yaml:\d+:\d+ error/, 'owasp:api4:2023-string-limit'],
  },
  {
    name: 'an operation without its @macha/api-client code sample',
    apply: (c) =>
      c.edit(
        AGENTS,
        "    - lang: TypeScript\n      label: '@macha/api-client'\n      source:\n" +
          '        $ref: ../code_samples/typescript/agents/post.ts\n',
        '',
      ),
    expect: [
      /spec\/paths\/agents\.yaml:\d+:\d+/,
      'macha/code-samples',
      "{ lang: TypeScript, label: '@macha/api-client' }",
    ],
  },
  {
    name: 'an operation without any code sample',
    apply: (c) =>
      c.edit(
        CONNECTORS,
        '  x-codeSamples:\n    - lang: Shell\n      label: curl\n      source:\n' +
          '        $ref: ../code_samples/curl/connectors/get.sh\n' +
          "    - lang: TypeScript\n      label: '@macha/api-client'\n      source:\n" +
          '        $ref: ../code_samples/typescript/connectors/get.ts\n',
        '',
      ),
    expect: [/spec\/paths\/connectors\.yaml:\d+:\d+/, 'macha/code-samples', "{ lang: Shell, label: 'curl' }"],
  },
  {
    name: 'a tag whose client resource would be an Object.prototype member (Constructor)',
    apply: (c) => {
      c.edit('spec/openapi.yaml', '  - name: Agents\n', '  - name: Constructor\n');
      c.edit('spec/openapi.yaml', '      - Agents\n', '      - Constructor\n');
      c.edit(AGENTS, '  tags:\n    - Agents\n', '  tags:\n    - Constructor\n');
    },
    expect: [/spec\/openapi\.yaml:\d+:\d+/, 'macha/tag-resource-name', 'Tag "Constructor"'],
  },
  {
    name: 'a tag that becomes `hasOwnProperty` once camelCased (Has own property)',
    apply: (c) => c.edit(AGENTS, '  tags:\n    - Agents\n', '  tags:\n    - Has own property\n'),
    expect: [/spec\/paths\/agents\.yaml:\d+:\d+/, 'macha/tag-resource-name', 'hasOwnProperty'],
  },
  {
    name: 'a component file nobody references',
    apply: (c) => c.write('spec/components/schemas/Orphan.yaml', 'type: string\ndescription: Unused.\n'),
    expect: ['spec/components/schemas/Orphan.yaml: unused'],
  },
  {
    name: 'a component file that is not PascalCase',
    apply: (c) => {
      c.write('spec/components/schemas/connector_type.yaml', 'type: string\ndescription: The integration.\n');
      c.edit(
        'spec/components/schemas/Connector.yaml',
        '  type:\n    type: string\n',
        '  type:\n    $ref: ./connector_type.yaml\n',
      );
    },
    expect: ['spec/components/schemas/connector_type.yaml: a component file is named <PascalCaseName>.yaml'],
  },
];

// Each test runs the whole lint (Redocly, then Spectral when Redocly passes) on its own copy, in
// this process (the pipeline's modules load once for all of them; test/breaking/gate.test.ts runs
// the lint script itself). Concurrent runs share two CPU cores, so the tests have a hang guard of
// their own beyond the suite's 30 s default.
describe.concurrent('npm run lint rejects broken edits', { timeout: 120_000 }, () => {
  /** Runs the lint on a fresh copy (edited by `edit`), removed afterwards whatever happens. */
  async function lintCopy(edit: (copy: SpecCopy) => void) {
    const copy = copySpec();
    try {
      edit(copy);
      // The spec's checks; the code checks have their own tests (code-checks.test.ts).
      return await copy.runInProcess('lint.mjs', ['--only', 'spec']);
    } finally {
      copy.remove();
    }
  }

  test('the unedited spec passes with zero problems', async () => {
    const { status, output } = await lintCopy(() => {});
    expect(output).not.toMatch(/warning|error/i);
    expect(status).toBe(0);
  });

  test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const { status, output } = await lintCopy((copy) => fixture.apply(copy));
    expect(status, output).toBe(1);
    for (const expected of fixture.expect) expect(output).toMatch(expected);
  });
});
