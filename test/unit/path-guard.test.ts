// No ID can steer a request to another path: invalid IDs are refused before anything is sent,
// on the resource methods and on the raw openapi-fetch surface alike.
import { describe, expect, test } from 'vitest';
import { createMachaClient, InvalidArgumentError } from '../../src/index.js';
import { API_KEY, BASE_URL, scriptedFetch } from '../support/scripted-fetch.js';

const hostileIds = [
  ['a path traversal', '../agents'],
  ['an encoded traversal', '%2e%2e'],
  ['a traversal after a valid prefix', 'connector_x/../..'],
  ['a traversal after a valid ID', 'connector_64f1c0ef2ec711ef6dc1dcf0/../../agents'],
  ['an empty string', ''],
  ['a dot', '.'],
  ['two dots', '..'],
  ['a query smuggled in', 'connector_64f1c0ef2ec711ef6dc1dcf0?limit=1'],
  ['a fragment', 'connector_64f1c0ef2ec711ef6dc1dcf0#x'],
  ['a 10 kB string', 'a'.repeat(10_000)],
  ['unicode look-alike digits', 'connector_６４f1c0ef2ec711ef6dc1dcf0'],
  ['a Cyrillic look-alike prefix', 'сonnector_64f1c0ef2ec711ef6dc1dcf0'],
  ['a trailing newline', 'connector_64f1c0ef2ec711ef6dc1dcf0\n'],
  ['a 23-hex ID', 'connector_64f1c0ef2ec711ef6dc1dcf'],
] as const;

describe('IDs are validated against the spec before any request', () => {
  test.each(hostileIds)('connectors.retrieve refuses %s with a TypeError naming the parameter', async (_what, id) => {
    const { fetch } = scriptedFetch();
    const error = await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch })
      .connectors.retrieve(id)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/id must be a string matching/);
    expect(String(error).length).toBeLessThan(200);
    expect(fetch).not.toHaveBeenCalled();
  });

  test.each(hostileIds)('the raw GET refuses %s too', async (_what, id) => {
    const { fetch } = scriptedFetch();
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const error = await macha.GET('/connectors/{id}', { params: { path: { id } } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(String(error)).toMatch(/refusing to send GET/);
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a wrong type is refused too', async () => {
    const { fetch } = scriptedFetch();
    const retrieve = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch }).connectors.retrieve as (
      id: unknown,
    ) => Promise<unknown>;
    await expect(retrieve(42)).rejects.toThrow(/got 42/);
  });

  test('a path the spec does not have is refused on the raw surface', async () => {
    const { fetch } = scriptedFetch();
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const get = macha.GET as unknown as (path: string) => Promise<unknown>;
    // GET /agents is an operation since the spec covers the whole API; DELETE /connectors/{id} is not.
    await expect(get('/webhooks')).rejects.toThrow(/no operation of the Macha API spec has this method and path/);
    await expect(get('/connectors/connector_64f1c0ef2ec711ef6dc1dcf0/secrets')).rejects.toThrow(TypeError);
    const del = macha.DELETE as unknown as (path: string, init: object) => Promise<unknown>;
    await expect(
      del('/connectors/{id}', { params: { path: { id: 'connector_64f1c0ef2ec711ef6dc1dcf0' } } }),
    ).rejects.toThrow(/no operation of the Macha API spec has this method and path/);
    expect(fetch).not.toHaveBeenCalled();
  });

  test('both ID forms of the spec are accepted and sent as given', async () => {
    const reply = () => new Response('{"data":{},"meta":{"request_id":"req_1"}}', { status: 200 });
    const { fetch, sent } = scriptedFetch(reply, reply, reply);
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    await macha.connectors.retrieve('connector_64f1c0ef2ec711ef6dc1dcf0');
    await macha.connectors.retrieve('64f1c0ef2ec711ef6dc1dcf0');
    await macha.connectors.retrieve('64F1C0EF2EC711EF6DC1DCF0');
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual([
      '/api/v1/connectors/connector_64f1c0ef2ec711ef6dc1dcf0',
      '/api/v1/connectors/64f1c0ef2ec711ef6dc1dcf0',
      '/api/v1/connectors/64F1C0EF2EC711EF6DC1DCF0',
    ]);
  });

  test('query values are encoded, never concatenated', async () => {
    const { fetch, sent } = scriptedFetch(new Response('{"data":[],"meta":{"request_id":"req_1","next_cursor":null}}'));
    await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch }).connectors.list({
      cursor: 'a&limit=100#x/../..',
    });
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe('/api/v1/connectors');
    expect([...url.searchParams]).toEqual([['cursor', 'a&limit=100#x/../..']]);
  });
});
