import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// The agent goes to the dashboard trash (restorable there
// for 30 days); the API answers 404 for it from now on.
const result = await macha.agents.delete('agent_6a28e310f2ec711ef6dc1dd0');
console.log(result.data.id, result.data.deleted);
