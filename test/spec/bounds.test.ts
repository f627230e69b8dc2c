// The length and count bounds of the spec (OWASP API4): a request body or parameter past a bound is
// rejected, a value at the bound is accepted, and response text from third parties gets room.
import { describe, expect, test } from 'vitest';
import { createAgentBody, retrieveResponse } from '../fixtures/seeds.js';
import { bundle, describeErrors, schemaValidator, validatorFor } from '../support/bundle.js';

const toolRef = createAgentBody.tools[0]!;
const x = (length: number) => 'x'.repeat(length);
const agentBody = (fields: Record<string, unknown>) => ({ ...createAgentBody, ...fields });
const documentIds = (count: number) => Array.from({ length: count }, (_, index) => `doc_${index}`);

/** A validator for the schema of `components.parameters[name]`. */
function parameterValidator(name: string) {
  const parameter = bundle.components.parameters?.[name] as { schema: object } | undefined;
  if (!parameter) throw new Error(`no parameter named ${name} in generated/openapi.json`);
  return validatorFor(parameter.schema);
}

describe('request bodies past a bound are rejected', () => {
  test.each([
    ['a 257-character name', agentBody({ name: x(257) })],
    ['a 10 kB handle', agentBody({ handle: `a${x(10_000)}` })],
    ['instructions of 256,001 characters', agentBody({ instructions: x(256_001) })],
    ['a 2,049-character avatar URL', agentBody({ avatar: `https://cdn.example.com/${x(2_025)}` })],
    ['257 tool references', agentBody({ tools: Array.from({ length: 257 }, () => toolRef) })],
    ['a 129-character tool name', agentBody({ tools: [{ ...toolRef, name: x(129) }] })],
    [
      '10,001 selected documents',
      agentBody({
        data_sources: [
          { source_id: 'source_6a39a4f1c0ef2ec711ef6dc1', scope: 'selected', documents: documentIds(10_001) },
        ],
      }),
    ],
    ['a misspelt field (instruction)', agentBody({ instruction: 'Answer questions.' })],
    ['a tool reference with a field the docs do not list', agentBody({ tools: [{ ...toolRef, is_active: true }] })],
    [
      'documents with scope all',
      agentBody({
        data_sources: [{ source_id: 'source_6a39a4f1c0ef2ec711ef6dc1', scope: 'all', documents: ['doc_1'] }],
      }),
    ],
  ])('AgentCreate rejects %s', (_what, body) => {
    expect(schemaValidator('AgentCreate')(body)).toBe(false);
  });

  test('AgentCreate accepts a body with every bounded field at its bound', () => {
    const body = agentBody({
      handle: `a${x(127)}`,
      name: x(256),
      instructions: x(256_000),
      description: x(4_096),
      model: x(128),
      avatar: x(2_048),
      tools: Array.from({ length: 256 }, () => ({ ...toolRef, name: x(128) })),
      data_sources: [
        { source_id: 'source_6a39a4f1c0ef2ec711ef6dc1', scope: 'selected', documents: documentIds(10_000) },
      ],
    });
    const validate = schemaValidator('AgentCreate');
    expect(validate(body), describeErrors(validate)).toBe(true);
  });
});

describe('parameters past a bound are rejected', () => {
  test.each([
    ['Cursor', 'a 2,049-character cursor', x(2_049), false],
    ['Cursor', 'a 2,048-character cursor', x(2_048), true],
    ['IdempotencyKey', 'a 129-character Idempotency-Key', x(129), false],
    ['IdempotencyKey', 'a 128-character Idempotency-Key', x(128), true],
    ['Limit', 'limit 101', 101, false],
    ['Limit', 'limit 100', 100, true],
    ['ConnectorIdPath', 'a 10 kB ID', `connector_${'a'.repeat(10_000)}`, false],
  ])('%s: %s', (name, _what, value, valid) => {
    expect(parameterValidator(name)(value)).toBe(valid);
  });
});

describe('responses keep room for real values', () => {
  test('a connector whose tool description and status reason are long third-party texts is accepted', () => {
    const response = structuredClone(retrieveResponse);
    Object.assign(response.data, { status: 'auth_failed', status_reason: x(20_000) });
    response.data.tools[0]!.description = x(50_000);
    const validate = schemaValidator('ConnectorDetailEnvelope');
    expect(validate(response), describeErrors(validate)).toBe(true);
  });

  test('an error message that quotes a 10 kB input is still a valid API error', () => {
    const error = {
      error: {
        code: 'validation_failed',
        message: `handle must match ^[a-zA-Z][a-zA-Z0-9]*$, got ${x(10_000)}`,
        request_id: 'req_a0b88aa084bac0f7',
      },
    };
    expect(schemaValidator('ErrorEnvelope')(error)).toBe(true);
  });

  test('a list page of more than 100 connectors (the largest limit) is rejected', () => {
    const connector = retrieveResponse.data;
    const { tools: _tools, ...summary } = connector;
    const page = {
      data: Array.from({ length: 101 }, () => summary),
      meta: { request_id: 'req_a0b88aa084bac0f7', next_cursor: null },
    };
    expect(schemaValidator('ConnectorList')(page)).toBe(false);
  });
});
