import { createMachaClient, MachaError } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

try {
  const agent = await macha.agents.retrieve('agent_6a28e310f2ec711ef6dc1dd0');
  console.log(agent.data.name, agent.data.tools_count);
} catch (error) {
  // A deleted agent is not found, even while in the trash.
  if (error instanceof MachaError && error.code === 'agent_not_found') {
    console.error('No such agent');
  } else {
    throw error;
  }
}
