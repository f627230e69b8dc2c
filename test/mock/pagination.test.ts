// The mock's cursor pagination over 1,000 connectors: every connector exactly once, newest first,
// whatever the page size, and stable when connectors are added while a scan runs.
import { afterAll, describe, expect, test } from 'vitest';
import { useSpecCheck } from '../support/spec-check.js';
import { createTestClient, type TestClient } from '../contract/client.js';
import { startWorld, UNLIMITED, expectNoViolations } from './world.js';

const world = await startWorld({ connectors: 1_000, windows: UNLIMITED });
expectNoViolations(() => world);
afterAll(() => world.mock.close());
const newestFirst = world.connectors.map((connector) => connector.id).reverse();

/** Follows next_cursor from the first page; calls between(page number) after each page. */
async function scan(
  client: TestClient,
  limit: number,
  between: (page: number) => void = () => undefined,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 1; ; page += 1) {
    const { data, error } = await client.GET('/connectors', { params: { query: { limit, cursor } } });
    if (!data) throw new Error(`page ${page} failed: ${JSON.stringify(error)}`);
    ids.push(...data.data.map((connector) => connector.id));
    if (data.meta.next_cursor === null) return ids;
    cursor = data.meta.next_cursor;
    between(page);
  }
}

describe('listConnectors on the mock: cursor pagination', () => {
  const spec = useSpecCheck({ baseUrl: world.mock.url, sameRequestId: true });
  const client = createTestClient({ baseUrl: world.mock.url, apiKey: world.keys.full, fetch: spec.fetch });

  // 13 does not divide 1,000, so the last page is a short one; 100 is the largest page.
  test.each([
    [13],
    [100],
  ])('listConnectors: pages of %s return all 1,000 connectors once each, newest first', async (limit) => {
    expect(await scan(client, limit)).toEqual(newestFirst);
  });

  test('listConnectors: limit defaults to 25 and the last page holds the remainder with next_cursor null', async () => {
    const first = await client.GET('/connectors');
    expect(first.data?.data).toHaveLength(25);
    const last = await client.GET('/connectors', {
      params: { query: { limit: 100, cursor: `connector_${newestFirst.at(-31)?.slice(10)}` } },
    });
    expect(last.data?.data.map((connector) => connector.id)).toEqual(newestFirst.slice(-30));
    expect(last.data?.meta.next_cursor).toBeNull();
  });

  test('listConnectors: connectors added mid-scan are not returned, and none is skipped or repeated', async () => {
    const added: string[] = [];
    const ids = await scan(client, 50, (page) => {
      if (page === 3 || page === 11) for (let i = 0; i < 10; i += 1) added.push(world.addConnector().id);
    });
    expect(ids).toEqual(newestFirst);
    // A new scan starts with them, newest first.
    const fresh = await client.GET('/connectors', { params: { query: { limit: 20 } } });
    expect(fresh.data?.data.map((connector) => connector.id)).toEqual([...added].reverse());
  });

  test('listConnectors: an org with one connector gets one page of one, with limit 1 too', async () => {
    const other = createTestClient({
      baseUrl: world.mock.url,
      apiKey: world.keys.otherOrg,
      fetch: spec.fetch,
    });
    const { data } = await other.GET('/connectors', { params: { query: { limit: 1 } } });
    expect(data?.data.map((connector) => connector.id)).toEqual([world.otherOrgConnector.id]);
    expect(data?.meta.next_cursor).toBeNull();
  });

  test('listConnectors: an org without connectors gets an empty page', async () => {
    const empty = createTestClient({
      baseUrl: world.mock.url,
      apiKey: world.mock.issueKey('org_empty', ['connectors:read']),
      fetch: spec.fetch,
    });
    const { data } = await empty.GET('/connectors');
    expect(data?.data).toEqual([]);
    expect(data?.meta.next_cursor).toBeNull();
  });

  test.each([
    ['0'],
    ['101'],
    ['1.5'],
    ['ten'],
  ])('listConnectors: limit=%s gets 422 validation_failed naming limit', async (limit) => {
    const { error, response } = await client.GET('/connectors', {
      params: { query: { limit: limit as unknown as number } },
    });
    expect(response.status).toBe(422);
    expect(error?.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('limit') });
  });

  // An empty cursor is the case Prism lets through (test/contract/invalid-calls.ts).
  test.each([
    [''],
    ['page-2'],
    ['connector_64f1c0ef2ec711ef6dc1dcf'],
  ])('listConnectors: cursor=%j gets 422 validation_failed naming cursor', async (cursor) => {
    const { error, response } = await client.GET('/connectors', { params: { query: { cursor } } });
    expect(response.status).toBe(422);
    expect(error?.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('cursor') });
  });
});
