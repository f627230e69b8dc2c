import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

const source = await macha.sources.retrieve('source_6a39a4f1c0ef2ec711ef6dc1');
console.log(source.data.sync_status, source.data.last_sync_at);
