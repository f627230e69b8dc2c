import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

for await (const tool of macha.customTools.listAll()) {
  // auth carries the type and header name, never credentials.
  console.log(tool.name, tool.method, tool.url, tool.auth.type);
}
