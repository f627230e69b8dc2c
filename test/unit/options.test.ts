// createMachaClient's options: defaults, and a clear TypeError for each misconfiguration.
import { describe, expect, test, vi } from 'vitest';
import { createMachaClient } from '../../src/index.js';
import { API_KEY, BASE_URL, json, scriptedFetch } from '../support/scripted-fetch.js';

const page = { data: [], meta: { request_id: 'req_1', next_cursor: null } };

describe('createMachaClient options', () => {
  test('without a key and without MACHA_API_KEY it throws a TypeError that says how to fix it', () => {
    vi.stubEnv('MACHA_API_KEY', '');
    expect(() => createMachaClient({ baseUrl: BASE_URL })).toThrow(/no API key.*MACHA_API_KEY/);
    expect(() => createMachaClient({ baseUrl: BASE_URL })).toThrow(TypeError);
  });

  test('the key defaults to MACHA_API_KEY', async () => {
    vi.stubEnv('MACHA_API_KEY', API_KEY);
    const { fetch, sent } = scriptedFetch(json(200, page));
    await createMachaClient({ baseUrl: BASE_URL, fetch }).connectors.list();
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  test('a key with a line break (a copy-paste accident, or header injection) is refused', () => {
    expect(() => createMachaClient({ apiKey: `${API_KEY}\r\nX-Evil: 1`, baseUrl: BASE_URL })).toThrow(
      /spaces, line breaks/,
    );
  });

  test('baseUrl defaults to the spec server', async () => {
    const { fetch, sent } = scriptedFetch(json(200, page));
    await createMachaClient({ apiKey: API_KEY, fetch }).connectors.list();
    expect(sent[0]?.url).toBe('https://dashboard.getmacha.com/api/v1/connectors');
  });

  test.each([
    ['not a URL', 'dashboard.getmacha.com', /not a valid URL/],
    ['another scheme', 'ftp://example.com/api', /must be http\(s\)/],
    ['http:// to a remote host', 'http://dashboard.getmacha.com/api/v1', /clear text/],
    ['credentials in the URL', 'https://user:pw@example.com/api', /credentials/],
  ])('a baseUrl with %s is refused', (_what, baseUrl, message) => {
    expect(() => createMachaClient({ apiKey: API_KEY, baseUrl })).toThrow(message);
  });

  test('http:// is allowed to loopback, and elsewhere only with allowInsecureHttp', () => {
    expect(() => createMachaClient({ apiKey: API_KEY, baseUrl: 'http://localhost:4010' })).not.toThrow();
    expect(() => createMachaClient({ apiKey: API_KEY, baseUrl: 'http://[::1]:4010' })).not.toThrow();
    expect(() =>
      createMachaClient({ apiKey: API_KEY, baseUrl: 'http://10.0.0.5', allowInsecureHttp: true }),
    ).not.toThrow();
  });

  test.each([
    ['maxRetries', { maxRetries: -1 }],
    ['maxRetries', { maxRetries: 1.5 }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
  ])('an invalid %s is refused', (name, options) => {
    expect(() => createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, ...options })).toThrow(new RegExp(name));
  });

  test('an invalid per-call override is refused before any request is sent', async () => {
    const { fetch } = scriptedFetch();
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    await expect(macha.connectors.list({}, { timeoutMs: -5 })).rejects.toThrow(/timeoutMs/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
