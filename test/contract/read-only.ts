// The read-only checks that can run against any server holding real data (TEST_API_BASE_URL with
// MACHA_API_KEY): a full scan, limit 1, retrieve by both ID forms, an unknown ID. The fake runs
// them on every `npm test` (test/mock/read-only.test.ts), so they are known to work.
import { describe, expect, test } from 'vitest';
import { useSpecCheck } from '../support/spec-check.js';
import { createTestClient } from './client.js';

/** At most this many pages are read, so that a large org does not make the run slow. */
const MAX_PAGES = 20;

/** Registers the read-only suite against a server with data in the key's org. */
export function describeReadOnly(name: string, target: { baseUrl: string; apiKey: string }): void {
  describe(name, () => {
    const spec = useSpecCheck({ baseUrl: target.baseUrl, sameRequestId: true });
    const client = createTestClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, fetch: spec.fetch });

    test('listConnectors: pages of 100 follow next_cursor without repeating a connector, newest first', async () => {
      const seen: Array<{ id: string; created_at: string }> = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const { data, error } = await client.GET('/connectors', { params: { query: { limit: 100, cursor } } });
        expect(error).toBeUndefined();
        seen.push(...(data?.data ?? []));
        cursor = data?.meta.next_cursor ?? undefined;
        if (!cursor) break;
      }
      expect(new Set(seen.map((connector) => connector.id)).size).toBe(seen.length);
      const created = seen.map((connector) => connector.created_at);
      expect(created).toEqual([...created].sort().reverse());
    });

    test('listConnectors: limit 1 returns one connector, and a cursor when there are more', async () => {
      const one = await client.GET('/connectors', { params: { query: { limit: 1 } } });
      const two = await client.GET('/connectors', { params: { query: { limit: 2 } } });
      expect(one.data?.data).toHaveLength(Math.min(1, two.data?.data.length ?? 0));
      expect(one.data?.meta.next_cursor === null).toBe((two.data?.data.length ?? 0) < 2);
    });

    test('getConnector: the first listed connector, by prefixed and bare ID, with its tools', async () => {
      const first = (await client.GET('/connectors', { params: { query: { limit: 1 } } })).data?.data[0];
      expect(first, "the key's org needs at least one connector").toBeDefined();
      const id = first?.id ?? '';
      const prefixed = await client.GET('/connectors/{id}', { params: { path: { id } } });
      const bare = await client.GET('/connectors/{id}', { params: { path: { id: id.replace(/^connector_/, '') } } });
      expect(prefixed.data?.data).toMatchObject({ ...first, status_reason: first?.status_reason ?? null });
      expect(Array.isArray(prefixed.data?.data.tools)).toBe(true);
      expect(bare.data?.data).toEqual(prefixed.data?.data);
    });

    test('getConnector: an unknown ID gets 404 not_found', async () => {
      const { error, response } = await client.GET('/connectors/{id}', {
        params: { path: { id: 'connector_000000000000000000000000' } },
      });
      expect(response.status).toBe(404);
      expect(error?.error.code).toBe('not_found');
    });
  });
}
