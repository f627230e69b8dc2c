// The small program (see fetch.ts) on bare openapi-fetch with the generated types.
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import type { Api } from './api.js';

export function createApi(baseUrl: string, apiKey: string): Api {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
  const unwrap = <T>(result: { data?: T; error?: unknown; response: Response }) => {
    if (result.error !== undefined || result.data === undefined) throw new Error(`HTTP ${result.response.status}`);
    return result.data;
  };
  return {
    listConnectors: async () => unwrap(await client.GET('/connectors', { params: { query: { limit: 25 } } })),
    getConnector: async (id) => unwrap(await client.GET('/connectors/{id}', { params: { path: { id } } })),
    createAgent: async (agent) => unwrap(await client.POST('/agents', { body: agent })),
  };
}
