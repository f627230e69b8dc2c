// The size benchmark's entry: the small program, as an app would ship it to a browser. esbuild
// resolves `./client.js` to one of the client programs.
import { createApi } from './client.js';

const api = createApi('https://dashboard.getmacha.com/api/v1', 'mka_live_TESTtestTESTtestTESTtestTESTtest');
const connectors = await api.listConnectors();
const connector = await api.getConnector('connector_64f1c0ef2ec711ef6dc1dcf0');
const agent = await api.createAgent({
  handle: 'readOnlyZendesk',
  name: 'Read-only Zendesk',
  instructions: 'Answer questions.',
  tools: [],
});
console.log(connectors, connector, agent);
