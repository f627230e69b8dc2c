import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

const tool = await macha.customTools.create(
  {
    label: 'List Postmark Templates',
    description: 'Lists the email templates of the Postmark account.',
    method: 'GET',
    url: 'https://api.postmarkapp.com/templates?count={{count}}',
    parameters: [{ name: 'count', type: 'number', in: 'query' }],
    auth: {
      type: 'api_key',
      credentials: {
        apiKey: process.env.POSTMARK_TOKEN ?? '',
        header_name: 'X-Postmark-Server-Token',
      },
    },
  },
  { idempotencyKey: crypto.randomUUID() },
);

// Give it to an agent as { name, connector_id: null }.
await macha.agents.update('agent_6a28e310f2ec711ef6dc1dd0', {
  tools: [{ name: tool.data.name, connector_id: null }],
});
