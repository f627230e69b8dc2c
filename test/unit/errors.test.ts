// Every failure of a resource method is a MachaError with the right status, code, requestId and
// retryAfter; and the API key never appears in any of it.
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createMachaClient, isMachaError, MachaError } from '../../src/index.js';
import { API_KEY, BASE_URL, apiError, json, scriptedFetch, type Reply } from '../support/scripted-fetch.js';

const ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';

/** Calls retrieve against one scripted reply (no retries) and returns what it threw. */
async function failure(reply: Reply): Promise<MachaError> {
  const { fetch } = scriptedFetch(reply);
  const error = await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, maxRetries: 0 })
    .connectors.retrieve(ID)
    .catch((caught: unknown) => caught);
  expect(isMachaError(error), String(error)).toBe(true);
  return error as MachaError;
}

describe('MachaError from the API', () => {
  test('the error envelope gives code and message; X-Request-ID wins over the envelope request_id', async () => {
    const error = await failure(apiError(404, 'not_found', 'Connector not found.'));
    expect(error).toBeInstanceOf(MachaError);
    expect(error.toJSON()).toEqual({
      name: 'NotFoundError',
      status: 404,
      code: 'not_found',
      message: 'Connector not found.',
      requestId: 'req_header0001',
      retryAfter: null,
    });
  });

  test('without X-Request-ID the envelope request_id is used', async () => {
    const response = new Response(
      JSON.stringify({ error: { code: 'insufficient_scope', message: 'no', request_id: 'req_envelope001' } }),
      { status: 403 },
    );
    expect((await failure(response)).requestId).toBe('req_envelope001');
  });

  test('a 429 carries retryAfter in seconds', async () => {
    const error = await failure(apiError(429, 'rate_limited', 'Slow down', { 'retry-after': '12' }));
    expect([error.status, error.code, error.retryAfter]).toEqual([429, 'rate_limited', 12]);
  });

  test('an unknown error code passes through as is', async () => {
    expect((await failure(apiError(409, 'connector_quarantined'))).code).toBe('connector_quarantined');
  });

  test.each([
    [
      'an HTML gateway page',
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      502,
    ],
    ['JSON without the envelope', json(400, { message: 'bad' }), 400],
    ['an envelope whose code is not a string', json(500, { error: { code: 42, message: 'x' } }), 500],
    ['an empty body', new Response(null, { status: 503 }), 503],
  ])('an error response with %s is invalid_response with its status', async (_what, response, status) => {
    const error = await failure(response);
    expect([error.status, error.code]).toEqual([status, 'invalid_response']);
  });

  test.each([
    ['a non-JSON body', new Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } })],
    ['a truncated JSON body', new Response('{"data": {"id": "conn', { status: 200 })],
    ['JSON of the wrong shape (no data/meta)', json(200, { id: ID })],
    ['JSON null', json(200, null)],
  ])('a 200 with %s is invalid_response, not a crash', async (_what, response) => {
    const error = await failure(response);
    expect([error.status, error.code]).toEqual([200, 'invalid_response']);
    expect(error.message).toContain('content-type');
  });

  test('a body over 10 MiB is refused as invalid_response instead of being read into memory', async () => {
    const huge = new Response(new Uint8Array(11 * 1024 * 1024).fill(32), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    const error = await failure(huge);
    expect([error.status, error.code]).toEqual([200, 'invalid_response']);
    expect(error.message).toMatch(/exceeds 10485760 bytes/);
  });

  test('a network failure is network_error with status 0 and the cause kept', async () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    const error = await failure(cause);
    expect([error.status, error.code]).toEqual([0, 'network_error']);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBe(cause);
  });
});

describe('the API key never leaks', () => {
  const hostileReplies: [string, Reply][] = [
    ['a server that echoes the key in its message', apiError(401, 'unauthorized', `Key ${API_KEY} is revoked`)],
    ['a server that echoes the key in an HTML page', new Response(`<p>Bearer ${API_KEY}</p>`, { status: 502 })],
    ['a network error whose text contains the key', new TypeError(`fetch failed for Bearer ${API_KEY}`)],
  ];

  test.each(hostileReplies)('%s: not in message, toString, JSON, stack or console.log output', async (_what, reply) => {
    const error = await failure(reply);
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack ?? '',
      inspect(error, { depth: 5 }),
    ]) {
      expect(text).not.toContain(API_KEY);
    }
  });
});
