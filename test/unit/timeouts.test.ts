// Each attempt has its own time limit; the caller's AbortSignal stops the call and its retries.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createMachaClient, type MachaError } from '../../src/index.js';
import { API_KEY, BASE_URL, apiError, json, scriptedFetch } from '../support/scripted-fetch.js';

const page = { data: [], meta: { request_id: 'req_1', next_cursor: null } };

/** A reply that never comes, until the request's signal aborts (as a real fetch behaves). */
function hang(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) =>
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }),
  );
}

/** A reply whose headers arrive at once but whose body never finishes. */
function stalledBody(request: Request): Response {
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"data": ['));
      request.signal.addEventListener('abort', () => controller.error(request.signal.reason), { once: true });
    },
  });
  return new Response(body, { status: 200 });
}

describe('timeouts and aborts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => vi.useRealTimers());

  test('an attempt that hangs times out after timeoutMs, and is retried with a fresh time limit', async () => {
    const { fetch, sent } = scriptedFetch(hang, json(200, page));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, timeoutMs: 1000 });
    const result = macha.connectors.list();
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + 250);
    expect(await result).toEqual(page);
    // The time limit, then the backoff's floor (random() = 0): 250 ms.
    expect(sent.map((request) => request.at - sent[0]!.at)).toEqual([0, 1250]);
  });

  test('when every attempt times out the error is timeout with status 0', async () => {
    const { fetch } = scriptedFetch(hang, hang);
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, timeoutMs: 500, maxRetries: 1 });
    const outcome = macha.connectors.list().catch((error: MachaError) => error);
    await vi.runAllTimersAsync();
    const error = (await outcome) as MachaError;
    expect([error.status, error.code]).toEqual([0, 'timeout']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test('the time limit covers the body too: a stalled body times out', async () => {
    const { fetch } = scriptedFetch(stalledBody);
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, timeoutMs: 300, maxRetries: 0 });
    const outcome = macha.connectors.list().catch((error: MachaError) => error);
    await vi.runAllTimersAsync();
    expect(((await outcome) as MachaError).code).toBe('timeout');
  });

  test('timeoutMs can be overridden per call', async () => {
    const { fetch } = scriptedFetch(hang);
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, timeoutMs: 60_000, maxRetries: 0 });
    const outcome = macha.connectors.list({}, { timeoutMs: 50 }).catch((error: MachaError) => error);
    await vi.advanceTimersByTimeAsync(50);
    expect(((await outcome) as MachaError).code).toBe('timeout');
  });

  test("the caller's abort during an attempt ends the call as aborted, without retrying", async () => {
    const { fetch } = scriptedFetch(hang);
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const controller = new AbortController();
    const outcome = macha.connectors.list({}, { signal: controller.signal }).catch((error: MachaError) => error);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = (await outcome) as MachaError;
    expect([error.status, error.code]).toEqual([0, 'aborted']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test("the caller's abort during the backoff wait stops the retries", async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    const { fetch } = scriptedFetch(apiError(503, 'x'));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const controller = new AbortController();
    const outcome = macha.connectors.list({}, { signal: controller.signal }).catch((error: MachaError) => error);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(((await outcome) as MachaError).code).toBe('aborted');
    await vi.runAllTimersAsync();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const { fetch } = scriptedFetch();
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const error = (await macha.connectors
      .list({}, { signal: AbortSignal.abort() })
      .catch((caught: MachaError) => caught)) as MachaError;
    expect(error.code).toBe('aborted');
    expect(fetch).not.toHaveBeenCalled();
  });
});
