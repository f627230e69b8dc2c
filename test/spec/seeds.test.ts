// The seeds' payloads satisfy the bundled schemas, and payloads that break the contract do not:
// proof that the schemas are neither too loose nor too strict for the documented API.
import { describe, expect, test } from 'vitest';
import { connectorSummary, createAgentBody, detailSketch, retrieveResponse } from '../fixtures/seeds.js';
import { describeErrors, schemaValidator } from '../support/bundle.js';

const listResponse = { data: [connectorSummary], meta: { request_id: 'req_a0b88aa084bac0f7', next_cursor: null } };

/** A deep copy of value with one change applied. */
function edited<T>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

describe('the seeds satisfy the spec', () => {
  test.each([
    ['Connector', 'the summary shape', connectorSummary],
    ['ConnectorList', 'a list page of the summary shape', listResponse],
    ['ConnectorDetailEnvelope', 'the retrieve response', retrieveResponse],
    ['AgentCreate', 'the create-agent body of the tool-list recipe', createAgentBody],
  ])('%s accepts %s', (schema, _what, payload) => {
    const validate = schemaValidator(schema);
    expect(validate(payload), describeErrors(validate)).toBe(true);
  });

  test('a list item without status_reason is accepted (the docs list example omits it)', () => {
    const { status_reason: _omitted, ...withoutReason } = connectorSummary;
    expect(schemaValidator('Connector')(withoutReason)).toBe(true);
  });

  test('unknown fields and unknown enum values in responses are accepted (Versioning)', () => {
    const future = edited(retrieveResponse, (copy) => {
      Object.assign(copy.data, { status: 'paused', region: 'eu' });
      Object.assign(copy.data.tools[0]!, { type: 'admin', category: 'tickets' });
    });
    expect(schemaValidator('ConnectorDetailEnvelope')(future)).toBe(true);
  });

  test("the object page's detail sketch is rejected, as decided: it lacks status_reason and the timestamps", () => {
    const validate = schemaValidator('ConnectorDetail');
    expect(validate(detailSketch)).toBe(false);
    const missing = (validate.errors ?? []).map((error) => error.params.missingProperty).sort();
    expect(missing).toEqual(['created_at', 'status_reason', 'updated_at']);
  });

  test('the seed IDs as published (23 hex digits) are rejected', () => {
    expect(schemaValidator('ConnectorId')('connector_64f1c0ef2ec711ef6dc1dcf')).toBe(false);
  });
});

describe('payloads that break the contract are rejected', () => {
  const detail = 'ConnectorDetailEnvelope';
  test.each([
    [
      'a missing required field (name)',
      detail,
      edited(retrieveResponse, (c) => Reflect.deleteProperty(c.data, 'name')),
    ],
    [
      'a missing status_reason on the detail shape',
      detail,
      edited(retrieveResponse, (c) => Reflect.deleteProperty(c.data, 'status_reason')),
    ],
    [
      'a missing tools[] on the detail shape',
      detail,
      edited(retrieveResponse, (c) => Reflect.deleteProperty(c.data, 'tools')),
    ],
    [
      'a wrong type (is_active as a string)',
      detail,
      edited(retrieveResponse, (c) => Object.assign(c.data, { is_active: 'true' })),
    ],
    [
      'a wrong type (status_reason as a number)',
      detail,
      edited(retrieveResponse, (c) => Object.assign(c.data, { status_reason: 42 })),
    ],
    [
      'a malformed ID (wrong prefix)',
      detail,
      edited(retrieveResponse, (c) => Object.assign(c.data, { id: 'conn_64f1c0ef2ec711ef6dc1dcf0' })),
    ],
    [
      'a malformed ID (upper-case hex)',
      detail,
      edited(retrieveResponse, (c) => Object.assign(c.data, { id: 'connector_64F1C0EF2EC711EF6DC1DCF0' })),
    ],
    [
      'a timestamp that is not ISO 8601 UTC',
      detail,
      edited(retrieveResponse, (c) => Object.assign(c.data, { created_at: '01/06/2026' })),
    ],
    [
      'a tool without requires_confirmation',
      detail,
      edited(retrieveResponse, (c) => Reflect.deleteProperty(c.data.tools[1]!, 'requires_confirmation')),
    ],
    ['a missing request_id in meta', detail, edited(retrieveResponse, (c) => Object.assign(c, { meta: {} }))],
    [
      'a list without next_cursor',
      'ConnectorList',
      edited(listResponse, (c) => Object.assign(c, { meta: { request_id: 'req_1' } })),
    ],
    [
      'an agent body without instructions or instructions_html',
      'AgentCreate',
      edited(createAgentBody, (c) => Reflect.deleteProperty(c, 'instructions')),
    ],
    [
      'an agent handle starting with a digit',
      'AgentCreate',
      edited(createAgentBody, (c) => Object.assign(c, { handle: '1zendesk' })),
    ],
    [
      'a tool ref without connector_id',
      'AgentCreate',
      edited(createAgentBody, (c) => Reflect.deleteProperty(c.tools[0]!, 'connector_id')),
    ],
  ])('%s', (_what, schema, payload) => {
    expect(schemaValidator(schema)(payload)).toBe(false);
  });
});
