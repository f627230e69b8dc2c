// listAll follows next_cursor to the end, requests no page twice, and stops on a cursor loop.
import { describe, expect, test } from 'vitest';
import { createMachaClient, type MachaError } from '../../src/index.js';
import { API_KEY, BASE_URL, json, scriptedFetch, type Reply } from '../support/scripted-fetch.js';

/** A page of connectors with the given IDs' last digits. */
function page(ids: string[], next: string | null) {
  return json(200, {
    data: ids.map((id) => ({ id: `connector_${id.padStart(24, '0')}`, status: 'connected' })),
    meta: { request_id: 'req_1', next_cursor: next },
  });
}

async function collect(script: Reply[], query?: { limit?: number; cursor?: string }) {
  const { fetch, sent } = scriptedFetch(...script);
  const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, maxRetries: 0 });
  const ids: string[] = [];
  let error: MachaError | undefined;
  try {
    for await (const connector of macha.connectors.listAll(query)) ids.push(connector.id.slice(-2));
  } catch (caught) {
    error = caught as MachaError;
  }
  return { ids, error, queries: sent.map((request) => new URL(request.url).searchParams.toString()) };
}

describe('connectors.listAll', () => {
  test('yields every item of every page in order, sending each next_cursor back once', async () => {
    const { ids, error, queries } = await collect([page(['1', '2'], 'c2'), page(['3', '4'], 'c4'), page(['5'], null)], {
      limit: 2,
    });
    expect(error).toBeUndefined();
    expect(ids).toEqual(['01', '02', '03', '04', '05']);
    expect(queries).toEqual(['limit=2', 'limit=2&cursor=c2', 'limit=2&cursor=c4']);
  });

  test('an empty first page ends at once', async () => {
    const { ids, queries } = await collect([page([], null)]);
    expect([ids, queries]).toEqual([[], ['']]);
  });

  test('starts from a given cursor', async () => {
    const { queries } = await collect([page(['9'], null)], { cursor: 'c8' });
    expect(queries).toEqual(['cursor=c8']);
  });

  test('a cursor the server already sent is a loop: it throws instead of fetching that page again', async () => {
    const { ids, error, queries } = await collect([page(['1'], 'c1'), page(['2'], 'c2'), page(['3'], 'c1')]);
    expect(ids).toEqual(['01', '02', '03']);
    expect([error?.code, error?.message]).toEqual(['invalid_response', expect.stringContaining('Pagination loop')]);
    expect(queries).toHaveLength(3);
  });

  test('a server that returns the cursor it was given is a loop too', async () => {
    const { error, queries } = await collect([page(['1'], 'c0')], { cursor: 'c0' });
    expect(error?.message).toContain('"c0"');
    expect(queries).toEqual(['cursor=c0']);
  });

  test('a page without data[] or next_cursor is invalid_response', async () => {
    const { error } = await collect([json(200, { data: {}, meta: { request_id: 'req_1', next_cursor: null } })]);
    expect(error?.code).toBe('invalid_response');
  });

  test('a failing page stops the iteration with its MachaError after the items already yielded', async () => {
    const { ids, error } = await collect([
      page(['1'], 'c1'),
      json(404, { error: { code: 'not_found', message: 'gone', request_id: 'req_2' } }),
    ]);
    expect(ids).toEqual(['01']);
    expect([error?.status, error?.code]).toEqual([404, 'not_found']);
  });
});
