// createAgent on the mock: an Idempotency-Key makes a retried create safe (same key and body
// replay the stored response without creating again; same key, other body is 409), handles are
// unique per org ignoring case, and invalid bodies get 422 naming the field.
import { afterAll, describe, expect, test } from 'vitest';
import type { AgentCreate } from '../../generated/schema.js';
import { useSpecCheck } from '../support/spec-check.js';
import { createTestClient } from '../contract/client.js';
import { startWorld, expectNoViolations } from './world.js';

const world = await startWorld();
expectNoViolations(() => world);
afterAll(() => world.mock.close());
let handles = 0;
/** A valid body with a handle no other test uses. */
const newBody = (): AgentCreate => ({
  handle: `triage${(handles += 1)}`,
  name: 'Triage',
  instructions: 'Route tickets.',
  tools: [{ name: 'zendesk_get_ticket', connector_id: world.connectors[0]?.id ?? null }],
});
const agentCount = () => world.agents().length;

describe('createAgent on the mock', () => {
  const spec = useSpecCheck({ baseUrl: world.mock.url, sameRequestId: true });
  const client = createTestClient({ baseUrl: world.mock.url, apiKey: world.keys.full, fetch: spec.fetch });
  const create = (body: AgentCreate, idempotencyKey?: string) =>
    client.POST('/agents', {
      body,
      params: { header: idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey } },
    });

  test('createAgent: 201 with the agent built from the body and defaults', async () => {
    const body = newBody();
    const { data, response } = await create(body);
    expect(response.status).toBe(201);
    expect(data?.data).toMatchObject({
      handle: body.handle,
      name: body.name,
      description: null,
      model: null,
      is_active: true,
      color: '#6366f1',
      avatar: null,
      tools_count: 1,
      sub_agents_count: 0,
    });
    expect(world.agents()).toContainEqual(data?.data);
  });

  test('createAgent: the same key and body replay the stored response without creating again', async () => {
    const body = newBody();
    const before = agentCount();
    const first = await create(body, 'key-replay');
    // The same body with its keys in another order is the same request.
    const again = await create(Object.fromEntries(Object.entries(body).reverse()) as AgentCreate, 'key-replay');
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.data).toEqual(first.data);
    expect(agentCount()).toBe(before + 1);
  });

  test('createAgent: the same key with another body gets 409 idempotency_key_reused and creates nothing', async () => {
    await create(newBody(), 'key-conflict');
    const before = agentCount();
    const { error, response } = await create(newBody(), 'key-conflict');
    expect(response.status).toBe(409);
    expect(error?.error.code).toBe('idempotency_key_reused');
    expect(agentCount()).toBe(before);
  });

  test('createAgent: a key can be reused for another body 24 hours later', async () => {
    await create(newBody(), 'key-expiry');
    world.clock.advance(24 * 3_600_000);
    const { response } = await create(newBody(), 'key-expiry');
    expect(response.status).toBe(201);
  });

  test('createAgent: without a key, a repeated create is not deduplicated', async () => {
    const before = agentCount();
    await create(newBody());
    await create(newBody());
    expect(agentCount()).toBe(before + 2);
  });

  test('createAgent: a handle taken in the org, ignoring case, gets 409 agent_handle_taken', async () => {
    const body = newBody();
    await create(body);
    const { error, response } = await create({ ...body, handle: body.handle.toUpperCase() });
    expect(response.status).toBe(409);
    expect(error?.error.code).toBe('agent_handle_taken');
    // Another org may use it (without org A's tools, which it cannot see).
    const { tools: _orgATools, ...withoutTools } = body;
    const other = createTestClient({
      baseUrl: world.mock.url,
      apiKey: world.keys.otherOrg,
      fetch: spec.fetch,
    });
    expect((await other.POST('/agents', { body: withoutTools })).response.status).toBe(201);
  });

  test.each([
    ['without handle', { name: 'x', instructions: 'x' }, 'handle'],
    ['without instructions or instructions_html', { handle: 'noPrompt', name: 'x' }, 'instructions'],
    [
      'with a malformed connector_id',
      { handle: 'badRef', name: 'x', instructions: 'x', tools: [{ name: 't', connector_id: 'connector_123' }] },
      'connector_id',
    ],
  ])('createAgent: a body %s gets 422 validation_failed naming the field', async (_what, body, field) => {
    const { error, response } = await create(body as AgentCreate);
    expect(response.status).toBe(422);
    expect(error?.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining(field) });
  });

  test('createAgent: a body that is not JSON gets 400 invalid_json; an Idempotency-Key with a space 422', async () => {
    const headers = { authorization: `Bearer ${world.keys.full}`, 'content-type': 'application/json' };
    const notJson = await spec.fetch(
      new Request(`${world.mock.url}/agents`, { method: 'POST', headers, body: '{"handle":' }),
    );
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      error: { code: 'invalid_json', message: expect.stringContaining('JSON') },
    });
    const { error, response } = await create(newBody(), 'two words');
    expect(response.status).toBe(422);
    expect(error?.error.message).toContain('Idempotency-Key');
  });
});
