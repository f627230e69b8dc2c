import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// Beta: read the keys you know, ignore the others.
const analytics = await macha.analytics.retrieveAgent('agent_6a28e310f2ec711ef6dc1dd0', {
  since: '2026-06-01T00:00:00.000Z',
  until: '2026-07-01T00:00:00.000Z',
});
console.log(analytics.data.conversations ?? 'no conversation count yet');
