// Who may see what on the mock: keys (401), scopes per operation (403), org isolation (another
// org's record is 404, exactly like an unknown one, on every operation that names one), and the ID
// forms a path accepts.
import { afterAll, describe, expect, test } from 'vitest';
import { bundleOperations } from '../support/bundle.js';
import { useSpecCheck } from '../support/spec-check.js';
import { callOperation, createTestClient } from '../contract/client.js';
import { sampleCall } from '../contract/matrix.js';
import { ALL_SCOPES, expectNoViolations, pathParams, startWorld } from './world.js';

const world = await startWorld();
expectNoViolations(() => world);
afterAll(() => world.mock.close());
const [connector] = world.connectors;
if (!connector) throw new Error('the world has no connector');
const hex = connector.id.slice('connector_'.length);

describe('access on the mock', () => {
  const spec = useSpecCheck({ baseUrl: world.mock.url, sameRequestId: true });
  const clientFor = (apiKey?: string) => createTestClient({ baseUrl: world.mock.url, apiKey, fetch: spec.fetch });
  const client = clientFor(world.keys.full);

  test.each([
    ['no key', undefined],
    ['a malformed key', 'mka_live_short'],
    ['an unknown key', 'mka_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'],
  ])('listConnectors: %s gets 401 unauthorized', async (_what, apiKey) => {
    const { error, response } = await clientFor(apiKey).GET('/connectors');
    expect(response.status).toBe(401);
    expect(error?.error.code).toBe('unauthorized');
  });

  // The operations the spec opens to everyone (`security: []`, no scope): no key, and any key, is enough.
  const open = bundleOperations().filter((operation) => operation.requiredScope === undefined);
  test('the spec has open operations, and only the discovery banner', () => {
    expect(open.map((operation) => operation.operationId)).toEqual(['getDiscovery']);
  });
  test.each(
    open.map((operation) => [operation.operationId, operation] as const),
  )('%s: answers 200 with no key, a key without scopes and an unknown key', async (operationId, operation) => {
    const call = sampleCall(operation);
    const keys = [undefined, world.mock.issueKey('org_a', []), 'mka_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'];
    for (const key of keys) {
      const { response } = await callOperation(clientFor(key), operationId, call);
      expect(response.status).toBe(200);
    }
  });

  // For each operation that names a scope, a key holding every scope but that one.
  test.each(
    bundleOperations()
      .filter((operation) => operation.requiredScope !== undefined)
      .map((operation) => [operation.operationId, operation] as const),
  )('%s: a key without its scope gets 403 insufficient_scope naming the scope', async (operationId, operation) => {
    const key = world.mock.issueKey(
      'org_a',
      ALL_SCOPES.filter((scope) => scope !== operation.requiredScope),
    );
    const call = sampleCall(operation);
    const { error, response } = await callOperation(clientFor(key), operationId, {
      ...call,
      params: { ...call.params, path: pathParams(world.mock, operationId) },
    });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({
      error: { code: 'insufficient_scope', message: expect.stringContaining(operation.requiredScope) },
    });
  });

  test('getConnector: prefixed ID, bare ObjectId and upper-case hex name the same connector, with tools', async () => {
    for (const id of [connector.id, hex, hex.toUpperCase(), `connector_${hex.toUpperCase()}`]) {
      const { data } = await client.GET('/connectors/{id}', { params: { path: { id } } });
      expect(data?.data).toEqual(connector);
    }
    expect(connector.tools.length).toBeGreaterThan(0);
  });

  test("getConnector: another org's connector gets 404 not_found, the same answer as an unknown ID", async () => {
    const other = await client.GET('/connectors/{id}', { params: { path: { id: world.otherOrgConnector.id } } });
    const unknown = await client.GET('/connectors/{id}', {
      params: { path: { id: 'connector_000000000000000000000000' } },
    });
    expect(other.response.status).toBe(404);
    expect(unknown.response.status).toBe(404);
    expect({ ...other.error?.error, request_id: '' }).toEqual({ ...unknown.error?.error, request_id: '' });
    expect(other.error?.error.code).toBe('not_found');
  });

  // Every operation whose path names a record: org A's newest record, asked for with org B's key,
  // is answered exactly as an unknown ID of the same resource.
  test.each(
    bundleOperations()
      .filter((operation) => operation.path.includes('{'))
      .map((operation) => [operation.operationId, operation] as const),
  )("%s: another org's record gets the same 404 as an unknown ID", async (operationId, operation) => {
    // Without the example's Idempotency-Key: reused across these calls, it would be a 409 here.
    const { header: _idempotency, ...params } = sampleCall(operation).params ?? {};
    const call = { ...sampleCall(operation), params };
    const ours = pathParams(world.mock, operationId);
    const unknown = Object.fromEntries(
      Object.entries(ours).map(([name, id]) => [name, id.replace(/[0-9a-f]{24}$/, '0'.repeat(24))]),
    );
    const other = clientFor(world.keys.otherOrg);
    const asOther = await callOperation(other, operationId, { ...call, params: { ...call.params, path: ours } });
    const asUnknown = await callOperation(other, operationId, { ...call, params: { ...call.params, path: unknown } });
    expect([asOther.response.status, asUnknown.response.status]).toEqual([404, 404]);
    // The two answers differ only in their request IDs.
    const withoutRequestId = (error: unknown) => JSON.stringify(error).replace(/req_[0-9a-f]{16}/g, 'req_');
    expect(withoutRequestId(asOther.error)).toBe(withoutRequestId(asUnknown.error));
    expect(asOther.error).toMatchObject({ error: { code: expect.stringMatching(/not_found$/) } });
    // And org A's own key finds it.
    const asOurs = await callOperation(client, operationId, { ...call, params: { ...call.params, path: ours } });
    expect(asOurs.response.ok).toBe(true);
  });

  test('listConnectors: each org sees only its own connectors', async () => {
    const ours = await client.GET('/connectors', { params: { query: { limit: 100 } } });
    const theirs = await clientFor(world.keys.otherOrg).GET('/connectors', { params: { query: { limit: 100 } } });
    expect(ours.data?.data.map((item) => item.id).sort()).toEqual(world.connectors.map((item) => item.id).sort());
    expect(theirs.data?.data.map((item) => item.id)).toEqual([world.otherOrgConnector.id]);
  });

  test.each([
    ['the docs’ 23-hex typo', 'connector_64f1c0ef2ec711ef6dc1dcf'],
    ['another prefix', `agent_${'a'.repeat(24)}`],
    ['not hex', 'connector_zzzzzzzzzzzzzzzzzzzzzzzz'],
  ])('getConnector: %s gets 422 validation_failed naming id', async (_what, id) => {
    // @macha/api-client refuses these IDs before sending; the mock's own answer is tested here.
    const raw = createTestClient({
      baseUrl: world.mock.url,
      apiKey: world.keys.full,
      fetch: spec.fetch,
      raw: true,
    });
    await expect(client.GET('/connectors/{id}', { params: { path: { id } } })).rejects.toThrow(TypeError);
    const { error, response } = await raw.GET('/connectors/{id}', { params: { path: { id } } });
    expect(response.status).toBe(422);
    expect(error?.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('id') });
  });
});
