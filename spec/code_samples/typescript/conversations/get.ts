import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// One agent's autonomous runs about ticket 549, newest
// first; sub-agent runs only with source: 'sub-agent'.
const runs = macha.conversations.listAll({
  agent_id: 'agent_6a28e310f2ec711ef6dc1dd0',
  source: 'autonomous',
  ticket_id: '549',
});
for await (const conversation of runs) {
  console.log(conversation.id, conversation.title, conversation.credits_used);
}
