// The seed workflow of issue 13, end to end through @macha/api-client's resource methods against
// the mock: retrieve a connector, keep its enabled read tools, create an agent with them, retrieve
// it, then update its tools. Every response is checked against the spec on the way (spec check and
// the mock's own validation). v1 answers with `tools_count`, not the tool list, so the list the
// agent was given is read from the mock's world.
import { afterAll, describe, expect, test } from 'vitest';
import { createMachaClient, isMachaError, toolRefs } from '../../src/index.js';
import { useSpecCheck } from '../support/spec-check.js';
import { expectNoViolations, startWorld } from './world.js';

const world = await startWorld({ connectors: 6 });
expectNoViolations(() => world);
afterAll(() => world.mock.close());

/** The first connected connector of org A of this type. */
function connectorOfType(type: string) {
  const found = world.connectors.find((connector) => connector.type === type && connector.status === 'connected');
  if (!found) throw new Error(`the seeded world has no connected ${type} connector`);
  return found;
}

/** The tool list the mock keeps for an agent of org A (hidden from responses). */
function assignedTools(agentId: string): unknown {
  return world.mock.world.items('org_a', 'agents').find((item) => item.data.id === agentId)?.hidden.tools;
}

describe('the seed workflow through the client, against the mock', () => {
  const spec = useSpecCheck({ baseUrl: world.mock.url, sameRequestId: true });
  const macha = createMachaClient({
    baseUrl: world.mock.url,
    apiKey: world.keys.full,
    fetch: spec.fetch,
    maxRetries: 0,
  });

  test('retrieve a connector, keep its enabled read tools, create an agent, retrieve it, update tools', async () => {
    const zendesk = connectorOfType('zendesk');
    const slack = connectorOfType('slack');
    // 1. Retrieve: the connector as the mock holds it, write tools included.
    const { data: connector } = await macha.connectors.retrieve(zendesk.id);
    expect(connector).toEqual(zendesk);
    expect(connector.tools.map((tool) => tool.type).sort()).toEqual(['read', 'write']);
    // 2. Keep its enabled read tools only.
    const tools = toolRefs(connector);
    expect(tools).toEqual([{ name: 'zendesk_get_ticket', connector_id: zendesk.id }]);
    // 3. Create an agent with them.
    const { data: created, meta } = await macha.agents.create({
      handle: 'seedWorkflow',
      name: 'Seed workflow',
      instructions: 'Answer from Zendesk. Never modify tickets.',
      tools,
    });
    expect(created).toMatchObject({ handle: 'seedWorkflow', tools_count: 1 });
    expect(assignedTools(created.id)).toEqual(tools);
    // 4. Retrieve it: the same agent.
    const { data: retrieved, meta: retrievedMeta } = await macha.agents.retrieve(created.id);
    expect(retrieved).toEqual(created);
    expect(retrievedMeta.request_id).not.toBe(meta.request_id);
    // 5. Update its tools: the list is replaced by Zendesk's and Slack's enabled read tools.
    world.clock.advance(1_000);
    const both = [...tools, ...toolRefs(slack)];
    expect(both.map((tool) => tool.name)).toEqual(['zendesk_get_ticket', 'slack_search_messages']);
    const { data: updated } = await macha.agents.update(created.id, { tools: both });
    expect(updated).toMatchObject({ id: created.id, tools_count: 2, created_at: created.created_at });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(created.updated_at));
    expect(assignedTools(created.id)).toEqual(both);
    expect((await macha.agents.retrieve(created.id)).data).toEqual(updated);
    // An update that leaves the tools out keeps them.
    const { data: renamed } = await macha.agents.update(created.id, { name: 'Seed workflow, renamed' });
    expect(renamed.tools_count).toBe(2);
    expect(assignedTools(created.id)).toEqual(both);
  });

  test("updating the tools with the connector's disabled tool is refused: MachaError 422 tool_disabled", async () => {
    const slack = connectorOfType('slack');
    const disabled = slack.tools.find((tool) => tool.disabled);
    if (!disabled) throw new Error('the slack connector has no disabled tool');
    const { data: agent } = await macha.agents.create({ handle: 'seedRefused', name: 'Refused', instructions: 'x' });
    const refused = await macha.agents
      .update(agent.id, { tools: [{ name: disabled.name, connector_id: slack.id }] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isMachaError(refused) && { status: refused.status, code: refused.code }).toEqual({
      status: 422,
      code: 'tool_disabled',
    });
    expect((await macha.agents.retrieve(agent.id)).data.tools_count).toBe(0);
    expect(assignedTools(agent.id) ?? []).toEqual([]);
  });
});
