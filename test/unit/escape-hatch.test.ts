// macha.request: paths the spec does not have yet, with auth, retries, time limits and errors;
// nothing that could carry the key to another host or path.
import { describe, expect, test } from 'vitest';
import { createMachaClient, InvalidArgumentError, NotFoundError } from '../../src/index.js';
import { API_KEY, BASE_URL, apiError, json, scriptedFetch } from '../support/scripted-fetch.js';

describe('macha.request', () => {
  test('sends an authenticated call below baseUrl with query and JSON body, and resolves the JSON', async () => {
    const { fetch, sent } = scriptedFetch(json(200, { data: { ok: true }, meta: { request_id: 'r' } }));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const result = await macha.request<{ data: { ok: boolean } }>('post', '/webhooks/test', {
      query: { dry_run: true, skip: undefined },
      body: { url: 'https://example.com' },
    });
    expect(result.data.ok).toBe(true);
    expect(sent[0]).toMatchObject({ method: 'POST', url: `${BASE_URL}/webhooks/test?dry_run=true` });
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(JSON.parse(sent[0]!.body)).toEqual({ url: 'https://example.com' });
  });

  test('keeps the error classes and retries (a GET after a 503)', async () => {
    const { fetch, sent } = scriptedFetch(apiError(503, 'x'), apiError(404, 'not_found'));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, logLevel: 'off' });
    await expect(macha.request('GET', '/webhooks/1')).rejects.toBeInstanceOf(NotFoundError);
    expect(sent).toHaveLength(2);
  });

  test.each([
    'https://evil.example/steal',
    '//evil.example/steal',
    'webhooks',
    '/../admin',
    '/webhooks/../../admin',
    '/webhooks/%2e%2e/admin',
    '/webhooks/%2E%2e%2fadmin',
    '/webhooks/%252e%252e/admin',
    '/webhooks\\..\\admin',
    '/webhooks?x=1',
    '/webhooks/{id}',
    '/web hooks',
  ])('refuses %j before sending anything', async (path) => {
    const { fetch, sent } = scriptedFetch();
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    await expect(macha.request('GET', path)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(sent).toHaveLength(0);
  });
});
