// The same small program for every client (see README "Benchmarks"): list connectors, retrieve
// one, create an agent; each call resolves with the parsed body and throws on an error status.
// This one uses nothing but fetch: the baseline.
import type { Api } from './api.js';

export function createApi(baseUrl: string, apiKey: string): Api {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${apiKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const parsed: unknown = await response.json();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return parsed;
  };
  return {
    listConnectors: () => call('GET', '/connectors?limit=25'),
    getConnector: (id) => call('GET', `/connectors/${encodeURIComponent(id)}`),
    createAgent: (agent) => call('POST', '/agents', agent),
  };
}
