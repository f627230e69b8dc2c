import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// Needs no scope: checks that Macha is reachable.
const banner = await macha.meta.discover();
console.log(banner.data.name, banner.data.version, banner.data.docs_url);
