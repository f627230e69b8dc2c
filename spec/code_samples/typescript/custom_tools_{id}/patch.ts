import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// Rotate the key: the old one is replaced for good.
await macha.customTools.update(
  'tool_64f1c0ef2ec711ef6dc1dce0',
  {
    auth: {
      type: 'api_key',
      credentials: { apiKey: process.env.POSTMARK_TOKEN ?? '' },
    },
  },
  { idempotencyKey: crypto.randomUUID() },
);
