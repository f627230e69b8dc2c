import { createMachaClient, MachaError } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

try {
  // One page: { data, meta }. meta.next_cursor is null
  // on the last page.
  const page = await macha.connectors.list({ limit: 25 });
  for (const connector of page.data) {
    console.log(connector.id, connector.name, connector.status);
  }

  // Every connector, newest first: listAll follows
  // meta.next_cursor for you.
  for await (const c of macha.connectors.listAll({ limit: 100 })) {
    if (c.status !== 'connected') {
      console.warn(`${c.name}: reconnect it in the dashboard`);
    }
  }
} catch (error) {
  if (!(error instanceof MachaError)) throw error;
  // Branch on code (stable in v1); quote requestId to support.
  console.error(error.status, error.code, error.requestId);
}
