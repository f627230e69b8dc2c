import { createMachaClient, toolRefs } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// Give the agent the enabled read tools of a connector:
// `tools` replaces the whole list.
const zendesk = await macha.connectors.retrieve('connector_64f1c0ef2ec711ef6dc1dcf0');
const agent = await macha.agents.update(
  'agent_6a28e310f2ec711ef6dc1dd0',
  { tools: toolRefs(zendesk.data) },
  { idempotencyKey: crypto.randomUUID() },
);
console.log(agent.data.tools_count, agent.data.updated_at);
