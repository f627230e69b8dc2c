// The small program on raw fetch (see fetch.ts) plus the one thing every client with a time limit
// per call must add: an AbortSignal on each request (here an AbortController and a timer, as
// ours does; AbortSignal.timeout() costs the same). It isolates what the platform charges for it.
import type { Api } from './api.js';

const TIMEOUT_MS = 30_000;

export function createApi(baseUrl: string, apiKey: string): Api {
  const call = async (method: string, path: string, body?: unknown) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${apiKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: controller.signal,
      });
      const parsed: unknown = await response.json();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return parsed;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    listConnectors: () => call('GET', '/connectors?limit=25'),
    getConnector: (id) => call('GET', `/connectors/${encodeURIComponent(id)}`),
    createAgent: (agent) => call('POST', '/agents', agent),
  };
}
