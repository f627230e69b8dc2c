// Per operation, calls the spec forbids: without a key (401) and with each invalid input its
// constraints give (422), each answered with the error envelope. Prism's 422 body is the spec's
// fixed example, so against Prism the cause is checked in `sl-violations`.
import { describe, expect, test } from 'vitest';
import { bundleOperations, operationById } from '../support/bundle.js';
import { useSpecCheck } from '../support/spec-check.js';
import { callOperation, createTestClient } from './client.js';
import { invalidCalls } from './invalid-calls.js';
import { sampleCall } from './matrix.js';
import { apiTarget } from './target.js';

const target = await apiTarget();
const prism = target.kind === 'prism';
// Against a real server only the read-only operations are called.
const operations = bundleOperations().filter((operation) => prism || operation.method === 'get');

/** The error code the spec's example gives for a status of an operation. */
function documentedCode(operationId: string, status: string): unknown {
  const response = operationById(operationId).responses[status];
  const example = Object.values(response?.content['application/json']?.examples ?? {})[0];
  return (example?.value as { error?: { code?: unknown } } | undefined)?.error?.code;
}

describe.each(
  operations.map((operation) => [operation.operationId, operation] as const),
)('%s rejects what the spec forbids', (operationId, operation) => {
  const spec = useSpecCheck({ baseUrl: target.baseUrl, sameRequestId: !prism });
  // Raw: @macha/api-client refuses some of these calls before sending; the server's answer is tested here.
  const client = createTestClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, fetch: spec.fetch, raw: true });
  const anonymous = createTestClient({ baseUrl: target.baseUrl, fetch: spec.fetch });

  // An operation that needs no key (`security: []`, like the discovery banner) declares no 401 and
  // must answer without one; every other operation must refuse a call without a key.
  if ('401' in operation.responses) {
    test(`${operationId}: no key gives 401 with the error envelope`, async () => {
      const { data, error, response } = await callOperation(anonymous, operationId, sampleCall(operation));
      expect(response.status).toBe(401);
      expect(data).toBeUndefined();
      expect(error).toMatchObject({ error: { code: documentedCode(operationId, '401') } });
      if (prism) expect(spec.takeViolations()).toEqual([expect.objectContaining({ location: ['request'], code: 401 })]);
    });
  } else {
    test(`${operationId}: answers without a key`, async () => {
      const { data, error, response } = await callOperation(anonymous, operationId, sampleCall(operation));
      expect(response.ok, `status ${response.status}`).toBe(true);
      expect(error).toBeUndefined();
      expect(data).toBeDefined();
      if (prism) expect(spec.takeViolations()).toEqual([]);
    });
  }

  test.each(
    invalidCalls(operation).map((invalid) => [invalid.name, invalid] as const),
  )(`${operationId}: %s gives 422`, async (_name, invalid) => {
    const { data, error, response } = await callOperation(client, operationId, invalid.call);
    expect(response.status).toBe(422);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ error: { code: documentedCode(operationId, '422') } });
    if (prism) {
      const violations = spec.takeViolations();
      expect(violations.length, JSON.stringify(violations)).toBeGreaterThan(0);
      for (const violation of violations) expect(violation.location).toEqual(invalid.location);
      expect(violations).toContainEqual(
        expect.objectContaining({ code: invalid.keyword, message: expect.stringContaining(invalid.mentions) }),
      );
    }
  });
});
