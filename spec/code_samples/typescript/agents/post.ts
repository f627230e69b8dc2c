import { createMachaClient, MachaError, toolRefs } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// The agent gets the enabled read tools of one connector.
const zendesk = await macha.connectors.retrieve('connector_64f1c0ef2ec711ef6dc1dcf0');

// Reuse this key when you retry this create: a replay with
// the same key and body never creates a second agent.
const idempotencyKey = crypto.randomUUID();
try {
  const agent = await macha.agents.create(
    {
      handle: 'readOnlyZendesk',
      name: 'Read-only Zendesk',
      instructions: 'Answer from Zendesk. Never modify tickets.',
      tools: toolRefs(zendesk.data),
    },
    { idempotencyKey },
  );
  console.log(agent.data.id, agent.data.tools_count);
} catch (error) {
  if (!(error instanceof MachaError)) throw error;
  if (error.code === 'agent_handle_taken') {
    console.error('Another agent has this handle: pick another.');
  } else if (error.status === 429) {
    console.error(`Retry in ${error.retryAfter} s, same key.`);
  } else {
    throw error;
  }
}
