// The small program (see fetch.ts) on the SDK and fetch client @hey-api/openapi-ts generates from
// the same bundle (into bench/.work/hey-api at benchmark time).
import { client } from '../.work/hey-api/client.gen.js';
import { createAgent, getConnector, listConnectors } from '../.work/hey-api/sdk.gen.js';
import type { Api } from './api.js';

export function createApi(baseUrl: string, apiKey: string): Api {
  client.setConfig({ baseUrl, auth: () => apiKey });
  const unwrap = <T>(result: { data?: T; error?: unknown; response: Response }) => {
    if (result.error !== undefined || result.data === undefined) throw new Error(`HTTP ${result.response.status}`);
    return result.data;
  };
  return {
    listConnectors: async () => unwrap(await listConnectors({ query: { limit: 25 } })),
    getConnector: async (id) => unwrap(await getConnector({ path: { id } })),
    createAgent: async (agent) => unwrap(await createAgent({ body: agent })),
  };
}
