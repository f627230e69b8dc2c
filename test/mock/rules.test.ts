// The domain rules of the resources issue 13 adds, as a user of the mock meets them: soft delete
// with a trash, the sources sync lifecycle on the clock, write-only credentials, references
// across resources (unknown, foreign, disabled, cycles, depth), the activation guard, idempotent
// PATCH, and read-only conversations. Every response is also checked against the spec.
import { afterAll, describe, expect, test } from 'vitest';
import { expectNoViolations, startWorld } from './world.js';

const world = await startWorld({ connectors: 12 });
expectNoViolations(() => world);
afterAll(() => world.mock.close());

/** A call with a key (the full one unless given); resolves to status and parsed body. */
async function call(
  method: string,
  path: string,
  body?: unknown,
  options: { key?: string; idempotencyKey?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${options.key ?? world.keys.full}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${world.mock.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
}
let counter = 0;
/** Creates an agent with a fresh handle and these extra fields; resolves to its ID. */
async function agent(extra: Record<string, unknown> = {}): Promise<string> {
  counter += 1;
  const { status, body } = await call('POST', '/agents', {
    handle: `rule${counter}`,
    name: 'R',
    instructions: 'x',
    ...extra,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.data.id;
}
const codeOf = (answer: { status: number; body: { error?: { code: string; message: string } } }) => [
  answer.status,
  answer.body.error?.code,
];

describe('agents: soft delete with a 30-day trash', () => {
  test('a deleted agent: 404 agent_not_found at once, out of the list, in the trash, then gone', async () => {
    const id = await agent();
    const deleted = await call('DELETE', `/agents/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ id, deleted: true });
    expect(codeOf(await call('GET', `/agents/${id}`))).toEqual([404, 'agent_not_found']);
    expect(codeOf(await call('DELETE', `/agents/${id}`))).toEqual([404, 'agent_not_found']);
    const listed = await call('GET', '/agents?limit=100');
    expect(listed.body.data.map((item: { id: string }) => item.id)).not.toContain(id);
    const trashed = () => world.mock.world.items('org_a', 'agents:trash').map((item) => item.data.id);
    expect(trashed()).toContain(id);
    world.clock.advance(30 * 24 * 3_600_000);
    await call('GET', '/agents?limit=1');
    expect(trashed()).not.toContain(id);
  });
});

describe('sources: the sync lifecycle on the mock clock', () => {
  test('fetching, then syncing after 2 s, then ready after 5 s with last_sync_at and document_count', async () => {
    const created = await call('POST', '/sources', {
      type: 'website',
      name: 'Docs',
      config: { url: 'https://docs.example.com/', indexed: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ sync_status: 'fetching', last_sync_at: null, document_count: null });
    const states = [];
    for (const step of [1_000, 1_500, 2_000, 1_000]) {
      world.clock.advance(step);
      const { body } = await call('GET', `/sources/${created.body.data.id}`);
      states.push(body.data.sync_status);
      if (body.data.sync_status === 'ready') {
        expect(body.data.last_sync_at).toEqual(expect.stringMatching(/Z$/));
        expect(body.data.document_count).toBeGreaterThan(0);
      }
    }
    expect(states).toEqual(['fetching', 'syncing', 'syncing', 'ready']);
  });

  test('a connector source cannot be created: 422 source_type_not_creatable', async () => {
    const answer = await call('POST', '/sources', {
      type: 'connector',
      name: 'Z',
      config: { url: 'https://z.example.com/' },
    });
    expect(codeOf(answer)).toEqual([422, 'source_type_not_creatable']);
  });
});

describe('custom tools: credentials are write-only', () => {
  const secret = 'pm-server-token-0123456789abcdef';
  const body = {
    label: 'List Postmark Templates',
    description: 'Lists the email templates.',
    method: 'GET',
    url: 'https://api.postmarkapp.com/templates',
    auth: { type: 'api_key', credentials: { apiKey: secret, header_name: 'X-Postmark-Server-Token' } },
  };

  test('no response shows the secret: create, replay, retrieve, list, update', async () => {
    const created = await call('POST', '/custom_tools', body, { idempotencyKey: 'tool-1' });
    const replayed = await call('POST', '/custom_tools', body, { idempotencyKey: 'tool-1' });
    const id = created.body.data.id;
    const answers = [
      created,
      replayed,
      await call('GET', `/custom_tools/${id}`),
      await call('GET', '/custom_tools?limit=100'),
      await call('PATCH', `/custom_tools/${id}`, { label: 'Postmark templates' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 200, 200, 200]);
    for (const answer of answers) expect(answer.text).not.toContain(secret);
    expect(created.body.data.auth).toEqual({ type: 'api_key', header_name: 'X-Postmark-Server-Token' });
    expect(created.body.data.name).toMatch(/^custom_list_postmark_templates(_\d+)?$/);
    expect(answers[4]?.body.data.name).toMatch(/^custom_postmark_templates(_\d+)?$/);
  });
});

describe('agents: references across resources', () => {
  const readme = () => world.connectors[0]?.id ?? '';

  test("another org's connector is as unknown as a missing one: 422 reference_not_found naming the field", async () => {
    const foreign = await call('POST', '/agents', {
      handle: 'foreignTools',
      name: 'F',
      instructions: 'x',
      tools: [{ name: 'zendesk_get_ticket', connector_id: world.otherOrgConnector.id }],
    });
    expect(codeOf(foreign)).toEqual([422, 'reference_not_found']);
    expect(foreign.body.error.message).toContain('tools[0].connector_id');
  });

  test('a disabled connector tool gets 422 tool_disabled', async () => {
    const slack = world.connectors.find((connector) => connector.tools.some((tool) => tool.disabled));
    const disabled = slack?.tools.find((tool) => tool.disabled);
    expect(disabled).toBeDefined();
    const answer = await call('POST', '/agents', {
      handle: 'disabledTool',
      name: 'D',
      instructions: 'x',
      tools: [{ name: disabled?.name, connector_id: slack?.id }],
    });
    expect(codeOf(answer)).toEqual([422, 'tool_disabled']);
    expect(
      (
        await call('POST', '/agents', {
          handle: 'readTool',
          name: 'R',
          instructions: 'x',
          tools: [{ name: 'zendesk_get_ticket', connector_id: readme() }],
        })
      ).status,
    ).toBe(201);
  });

  test('sub-agents: itself or a cycle is sub_agent_cycle, over 3 levels sub_agent_depth_exceeded', async () => {
    const a = await agent();
    const b = await agent({ sub_agents: [a] });
    const c = await agent({ sub_agents: [b] });
    const d = await agent({ sub_agents: [c] });
    expect(codeOf(await call('PATCH', `/agents/${a}`, { sub_agents: [a] }))).toEqual([422, 'sub_agent_cycle']);
    expect(codeOf(await call('PATCH', `/agents/${a}`, { sub_agents: [d] }))).toEqual([422, 'sub_agent_cycle']);
    const tooDeep = await call('POST', '/agents', { handle: 'tooDeep', name: 'E', instructions: 'x', sub_agents: [d] });
    expect(codeOf(tooDeep)).toEqual([422, 'sub_agent_depth_exceeded']);
    expect(
      codeOf(
        await call('POST', '/agents', {
          handle: 'unknownSub',
          name: 'U',
          instructions: 'x',
          sub_agents: ['agent_000000000000000000000000'],
        }),
      ),
    ).toEqual([422, 'reference_not_found']);
  });

  test('activating an agent while one of its connectors is auth_failed gets 422 connector_auth_failed', async () => {
    const failed = world.connectors.find(
      (connector) => connector.status === 'auth_failed' && connector.tools.some((tool) => !tool.disabled),
    );
    expect(failed).toBeDefined();
    const tool = failed?.tools.find((candidate) => !candidate.disabled);
    const id = await agent({ tools: [{ name: tool?.name, connector_id: failed?.id }] });
    expect(codeOf(await call('PATCH', `/agents/${id}`, { is_active: true }))).toEqual([422, 'connector_auth_failed']);
  });

  test('PATCH with an Idempotency-Key is replayed; another body with it is 409 idempotency_key_reused', async () => {
    const id = await agent();
    const first = await call('PATCH', `/agents/${id}`, { name: 'Once' }, { idempotencyKey: 'patch-1' });
    const again = await call('PATCH', `/agents/${id}`, { name: 'Once' }, { idempotencyKey: 'patch-1' });
    const other = await call('PATCH', `/agents/${id}`, { name: 'Twice' }, { idempotencyKey: 'patch-1' });
    expect([first.status, again.status, other.status]).toEqual([200, 200, 409]);
    expect(again.body).toEqual(first.body);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });
});

describe('conversations: seeded and read-only', () => {
  test('the spec has only reads on them, the mock serves the seeded ones, and a write is no route', async () => {
    const listed = await call('GET', '/conversations?limit=10');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(10);
    const agentIds = new Set(world.agents().map((item) => item.id));
    // Seeded conversations name seeded agents, not the example's.
    for (const conversation of listed.body.data) expect(agentIds).toContain(conversation.agent_id);
    expect(codeOf(await call('POST', '/conversations', {}))).toEqual([404, 'not_found']);
  });
});
