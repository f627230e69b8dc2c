import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// Every agent, newest first: listAll follows
// meta.next_cursor for you.
for await (const agent of macha.agents.listAll({ limit: 100 })) {
  console.log(agent.handle, agent.is_active, agent.tools_count);
}
