import { setTimeout as sleep } from 'node:timers/promises';
import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

const created = await macha.sources.create(
  {
    type: 'website',
    name: 'Help center',
    config: { url: 'https://help.example.com/', indexed: true },
  },
  { idempotencyKey: crypto.randomUUID() },
);

// Indexing runs in the background: poll until ready.
let source = created.data;
while (source.sync_status !== 'ready' && source.sync_status !== 'error') {
  await sleep(5000);
  source = (await macha.sources.retrieve(source.id)).data;
}
console.log(source.sync_status, source.document_count);
