// The small program (see fetch.ts) on our client, @macha/api-client (its resource methods throw a
// MachaError on an error status).
import { createMachaClient } from '@macha/api-client';
import type { Api } from './api.js';

export function createApi(baseUrl: string, apiKey: string): Api {
  const macha = createMachaClient({ baseUrl, apiKey });
  return {
    listConnectors: () => macha.connectors.list({ limit: 25 }),
    getConnector: (id) => macha.connectors.retrieve(id),
    createAgent: (agent) => macha.agents.create(agent),
  };
}
