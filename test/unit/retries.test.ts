// Retries: which failures, how many times, after how long, and never a duplicate write.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createMachaClient, type MachaError } from '../../src/index.js';
import { API_KEY, BASE_URL, apiError, json, scriptedFetch, type Reply } from '../support/scripted-fetch.js';

const page = { data: [], meta: { request_id: 'req_1', next_cursor: null } };
const agent = { data: { id: 'agent_6a28e310f2ec711ef6dc1dd0' }, meta: { request_id: 'req_2' } };
const body = { handle: 'readOnlyZendesk', name: 'Read-only Zendesk', instructions: 'Answer.' };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Runs a call to completion under fake timers, so backoff waits take no real time. */
async function settle<T>(promise: Promise<T>): Promise<T | MachaError> {
  const outcome = promise.catch((error: MachaError) => error);
  await vi.runAllTimersAsync();
  return outcome;
}

function client(...script: Reply[]) {
  const { fetch, sent } = scriptedFetch(...script);
  return { macha: createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch }), fetch, sent };
}

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // A whole second, so that HTTP dates (second precision) convert to exact waits.
    vi.setSystemTime(new Date('2026-06-01T00:00:00.000Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => vi.useRealTimers());

  test.each([429, 500, 502, 503, 504])('a GET answered %i is retried, then succeeds', async (status) => {
    const { macha, fetch } = client(apiError(status, 'x'), json(200, page));
    expect(await settle(macha.connectors.list())).toEqual(page);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test.each([400, 401, 403, 404, 409, 422])('a GET answered %i is not retried', async (status) => {
    const { macha, fetch } = client(apiError(status, 'x'));
    const error = (await settle(macha.connectors.list())) as MachaError;
    expect(error.status).toBe(status);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('gives up after maxRetries (default 2: three attempts) with the last error', async () => {
    const { macha, fetch } = client(apiError(503, 'a'), apiError(503, 'b'), apiError(503, 'service_unavailable'));
    const error = (await settle(macha.connectors.list())) as MachaError;
    expect([error.status, error.code]).toEqual([503, 'service_unavailable']);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  test('maxRetries can be overridden per call', async () => {
    const { macha, fetch } = client(apiError(503, 'a'), apiError(503, 'b'));
    await settle(macha.connectors.list({}, { maxRetries: 1 }));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test('a network error on a GET is retried', async () => {
    const { macha, fetch } = client(new TypeError('fetch failed'), json(200, page));
    expect(await settle(macha.connectors.list())).toEqual(page);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test('backoff with jitter: half of 500 ms × 2^attempt plus random() × the other half', async () => {
    const { macha, sent } = client(apiError(500, 'a'), apiError(500, 'b'), json(200, page));
    const started = Date.now();
    await settle(macha.connectors.list());
    expect(sent.map((request) => request.at - started)).toEqual([0, 375, 375 + 750]);
  });

  test('never retries without a wait: random() = 0 still waits half the window', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { macha, sent } = client(apiError(500, 'a'), json(200, page));
    const started = Date.now();
    await settle(macha.connectors.list());
    expect(sent.map((request) => request.at - started)).toEqual([0, 250]);
  });

  test.each([
    '-1',
    '1.5',
    '+3',
    'soon',
    'Tue, 1 Dec 2026 10:00:00',
    '2026-06-01T00:00:05Z',
  ])('a malformed Retry-After (%j) is ignored: the backoff applies, not "retry now"', async (value) => {
    const { macha, sent } = client(apiError(429, 'rate_limited', 'x', { 'retry-after': value }), json(200, page));
    const started = Date.now();
    await settle(macha.connectors.list());
    expect(sent.map((request) => request.at - started)).toEqual([0, 375]);
  });

  test('Retry-After: 0 forever is retried maxRetries times, each after a wait, then the 429 comes back', async () => {
    const zero = () => apiError(429, 'rate_limited', 'x', { 'retry-after': '0' });
    const { fetch, sent } = scriptedFetch(...Array.from({ length: 11 }, () => zero));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, maxRetries: 10 });
    const error = (await settle(macha.connectors.list())) as MachaError;
    expect(error.code).toBe('rate_limited');
    expect(sent).toHaveLength(11);
    const gaps = sent.slice(1).map((request, index) => request.at - sent[index]!.at);
    expect(gaps.every((gap) => gap >= 250)).toBe(true);
  });

  test.each([11, 100_000, -1, 1.5, Number.NaN])('an absurd maxRetries (%s) is refused with a TypeError', (value) => {
    expect(() => createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, maxRetries: value })).toThrow(TypeError);
    const { macha } = client();
    return expect(macha.connectors.list({}, { maxRetries: value })).rejects.toThrow(
      /maxRetries must be an integer from 0 to 10/,
    );
  });

  test('deadlineMs bounds the whole call: no retry starts after it, and the last failure comes back', async () => {
    const { macha, sent } = client(apiError(503, 'a'), apiError(503, 'b'), apiError(503, 'c'));
    const started = Date.now();
    const error = (await settle(macha.connectors.list({}, { deadlineMs: 1000, maxRetries: 10 }))) as MachaError;
    expect(error.status).toBe(503);
    expect(sent.map((request) => request.at - started)).toEqual([0, 375]);
  });

  test('honours Retry-After (seconds and HTTP date) instead of the backoff', async () => {
    const inTwoSeconds = () => apiError(503, 'x', 'x', { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
    const { macha, sent } = client(
      apiError(429, 'rate_limited', 'x', { 'retry-after': '3' }),
      inTwoSeconds,
      json(200, page),
    );
    const started = Date.now();
    await settle(macha.connectors.list());
    expect(sent.map((request) => request.at - started)).toEqual([0, 3000, 3000 + 2000]);
  });

  test('a Retry-After of 0 still waits the backoff floor', async () => {
    const { macha, sent } = client(apiError(429, 'rate_limited', 'x', { 'retry-after': '0' }), json(200, page));
    const started = Date.now();
    await settle(macha.connectors.list());
    expect(sent.map((request) => request.at - started)).toEqual([0, 250]);
  });

  test('a Retry-After over 60 s is not waited for: the 429 comes back with retryAfter', async () => {
    const { macha, fetch } = client(apiError(429, 'rate_limited', 'x', { 'retry-after': '3600' }));
    const error = (await settle(macha.connectors.list())) as MachaError;
    expect([error.code, error.retryAfter]).toEqual(['rate_limited', 3600]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('agents.create sends a generated UUID v4 Idempotency-Key, the same on each attempt, fresh body', async () => {
    const { macha, sent } = client(apiError(500, 'x'), new TypeError('fetch failed'), json(201, agent));
    expect(await settle(macha.agents.create(body))).toEqual(agent);
    const keys = sent.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(1);
    expect(sent.map((request) => JSON.parse(request.body))).toEqual([body, body, body]);
  });

  test("agents.create reuses the caller's idempotency key", async () => {
    const { macha, sent } = client(apiError(503, 'x'), json(201, agent));
    await settle(macha.agents.create(body, { idempotencyKey: 'order-4711-agent' }));
    expect(sent.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'order-4711-agent',
      'order-4711-agent',
    ]);
  });

  test('each agents.create call gets its own key', async () => {
    const { macha, sent } = client(json(201, agent), json(201, agent));
    await settle(macha.agents.create(body));
    await settle(macha.agents.create(body));
    expect(sent[0]?.headers.get('idempotency-key')).not.toBe(sent[1]?.headers.get('idempotency-key'));
  });

  test('an invalid idempotency key is refused before sending', async () => {
    const { macha, fetch } = client();
    const error = await settle(macha.agents.create(body, { idempotencyKey: 'has spaces' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a POST without an Idempotency-Key (raw surface) is never retried', async () => {
    const { macha, fetch } = client(apiError(503, 'x'));
    const result = await settle(macha.POST('/agents', { body }));
    expect((result as { response: Response }).response.status).toBe(503);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('the raw surface retries GETs too, below its middleware: one response reaches it', async () => {
    const { macha, fetch } = client(apiError(503, 'x'), json(200, page));
    const seen: number[] = [];
    macha.use({ onResponse: ({ response }) => void seen.push(response.status) });
    const result = (await settle(macha.GET('/connectors'))) as { data: unknown };
    expect(result.data).toEqual(page);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([200]);
  });
});
