import { createMachaClient, MachaError, toolRefs } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

try {
  const connector = await macha.connectors.retrieve('connector_64f1c0ef2ec711ef6dc1dcf0');
  for (const tool of connector.data.tools) {
    console.log(tool.name, tool.type, tool.disabled);
  }

  // The enabled read tools, as { name, connector_id }
  // references for POST /agents.
  const refs = toolRefs(connector.data);
  console.log(refs);
} catch (error) {
  if (error instanceof MachaError && error.code === 'not_found') {
    console.error(`No such connector (request ${error.requestId})`);
  } else {
    throw error;
  }
}
