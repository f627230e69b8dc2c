// Issue 14's surface: withResponse, the error classes, argument errors the usual catch handles,
// defaultHeaders, fetchOptions, MACHA_BASE_URL, middleware on resource calls, the browser guard.
import { describe, expect, test, vi } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  createMachaClient,
  InternalServerError,
  InvalidArgumentError,
  isMachaError,
  MachaError,
  type Middleware,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../src/index.js';
import { API_KEY, BASE_URL, apiError, json, scriptedFetch, type Reply } from '../support/scripted-fetch.js';

const ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';
const detail = { data: { id: ID, tools: [] }, meta: { request_id: 'req_1' } };

function client(...script: Reply[]) {
  const { fetch, sent } = scriptedFetch(...script);
  return { macha: createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, maxRetries: 0 }), sent };
}

describe('withResponse', () => {
  test('gives the body and the Response (status, rate-limit headers, request id) from the same call', async () => {
    const { macha, sent } = client(json(200, detail, { 'x-ratelimit-remaining': '41' }));
    const { data, response, requestId } = await macha.connectors.retrieve(ID).withResponse();
    expect(data).toEqual(detail);
    expect([response.status, response.headers.get('x-ratelimit-remaining'), requestId]).toEqual([
      200,
      '41',
      'req_header0001',
    ]);
    expect(sent).toHaveLength(1);
  });

  test('fails exactly like the plain call, and leaves no unhandled rejection', async () => {
    const { macha } = client(apiError(404, 'not_found'));
    await expect(macha.connectors.retrieve(ID).withResponse()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('one error class per kind, each a MachaError', () => {
  test.each([
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ] as const)('%i is a %o', async (status, Kind) => {
    const { macha } = client(apiError(status, 'some_code'));
    const error = await macha.connectors.retrieve(ID).catch((caught) => caught);
    expect(error).toBeInstanceOf(Kind);
    expect(error).toBeInstanceOf(MachaError);
    expect(isMachaError(error)).toBe(true);
    expect([error.name, error.status]).toEqual([Kind.name, status]);
  });

  test('no response: ConnectionError, TimeoutError, AbortedError', async () => {
    const { macha } = client(new TypeError('fetch failed'));
    expect(await macha.connectors.retrieve(ID).catch((caught) => caught)).toBeInstanceOf(ConnectionError);
    // As a real fetch: rejects once the request's signal aborts (or has aborted).
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) => {
        if (request.signal.aborted) reject(request.signal.reason);
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    const slow = client(hang).macha;
    expect(await slow.connectors.retrieve(ID, { timeoutMs: 5 }).catch((caught) => caught)).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = client(hang).macha.connectors.retrieve(ID, { signal: controller.signal });
    controller.abort();
    expect(await pending.catch((caught) => caught)).toBeInstanceOf(AbortedError);
  });

  test('an error from another copy of the package is still a MachaError', () => {
    const foreign = Object.assign(new Error('x'), { code: 'not_found', status: 404 });
    Object.defineProperty(foreign, Symbol.for('@macha/api-client.error'), { value: true });
    expect(foreign instanceof MachaError && isMachaError(foreign)).toBe(true);
    expect(foreign instanceof NotFoundError).toBe(false);
  });
});

describe('bad arguments', () => {
  test("a malformed ID is an InvalidArgumentError: a TypeError the README's isMachaError catch handles", async () => {
    const { macha, sent } = client();
    const error = await macha.connectors.retrieve('../agents').catch((caught) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toBeInstanceOf(TypeError);
    expect(isMachaError(error) && error.code === 'invalid_argument' && error.status === 0).toBe(true);
    expect(sent).toHaveLength(0);
  });
});

describe('options', () => {
  test('defaultHeaders go on every request; a call header wins', async () => {
    const { fetch, sent } = scriptedFetch(json(200, detail), json(200, detail));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, defaultHeaders: { 'X-Team': 'a' } });
    await macha.connectors.retrieve(ID);
    await macha.connectors.retrieve(ID, { headers: { 'X-Team': 'b' } });
    expect(sent.map((request) => request.headers.get('x-team'))).toEqual(['a', 'b']);
  });

  test('fetchOptions reach every fetch of the platform (a dispatcher for a proxy)', async () => {
    const platform = vi.fn(async (_url: unknown, _init?: RequestInit) => json(200, detail));
    vi.stubGlobal('fetch', platform);
    const dispatcher = { marker: true };
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetchOptions: { dispatcher } });
    await macha.connectors.retrieve(ID);
    expect((platform.mock.calls[0]?.[1] as Record<string, unknown>).dispatcher).toBe(dispatcher);
  });

  test('MACHA_BASE_URL is the default baseUrl', async () => {
    vi.stubEnv('MACHA_BASE_URL', 'http://127.0.0.1:7/v9');
    const { fetch, sent } = scriptedFetch(json(200, detail));
    await createMachaClient({ apiKey: API_KEY, fetch }).connectors.retrieve(ID);
    expect(sent[0]?.url).toBe(`http://127.0.0.1:7/v9/connectors/${ID}`);
  });

  test('middleware (use()) sees resource calls: one request and one response, retries below it', async () => {
    const { fetch } = scriptedFetch(apiError(503, 'x'), json(200, detail));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, logLevel: 'off' });
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => void seen.push(`request ${new URL(request.url).pathname}`),
      onResponse: ({ response }) => void seen.push(`response ${response.status}`),
    };
    macha.use(middleware);
    vi.spyOn(Math, 'random').mockReturnValue(0);
    await macha.connectors.retrieve(ID);
    expect(seen).toEqual([`request /api/v1/connectors/${ID}`, 'response 200']);
  });
});

describe('the browser guard', () => {
  test('in a page, a key is refused unless dangerouslyAllowBrowser, and the error says why', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(() => createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL })).toThrow(/secret.*dangerouslyAllowBrowser/);
    expect(() =>
      createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, dangerouslyAllowBrowser: true }),
    ).not.toThrow();
  });
});
