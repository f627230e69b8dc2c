import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

for await (const source of macha.sources.listAll()) {
  console.log(source.name, source.type, source.sync_status, source.document_count);
}
