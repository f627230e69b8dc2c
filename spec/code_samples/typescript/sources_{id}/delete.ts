import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// No trash: its documents are deleted and agents lose it.
const result = await macha.sources.delete('source_6a39a4f1c0ef2ec711ef6dc1');
console.log(result.data.deleted);
