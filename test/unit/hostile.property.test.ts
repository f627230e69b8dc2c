// Property-based tests (fast-check) over hostile input: whatever IDs and query values a caller
// passes, and whatever a server answers, the client never hangs, never throws anything but
// MachaError or TypeError, never leaks the key, and never sends a request outside the spec.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createMachaClient, InvalidArgumentError, isMachaError } from '../../src/index.js';
import { API_KEY, BASE_URL, scriptedFetch } from '../support/scripted-fetch.js';

const RUNS = 300;
const ID_PATTERN = /^(connector_)?[0-9a-fA-F]{24}$/u;
const ran: Record<string, number> = {};
afterAll(() => console.log(`property cases run: ${JSON.stringify(ran)}`));

/** Counts the cases a property actually ran, for the report. */
function counted<T extends unknown[]>(name: string, run: (...args: T) => Promise<void>) {
  return async (...args: T) => {
    ran[name] = (ran[name] ?? 0) + 1;
    await run(...args);
  };
}

/** IDs: anything at all, and near-misses built from the valid form and path-like pieces. */
const idArbitrary = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('', 'connector_', 'conn_', 'сonnector_', 'CONNECTOR_'),
      fc.stringMatching(/^[0-9a-fA-F]{20,28}$/),
      fc.constantFrom('', '/', '/..', '%2F..', '?x=1', '#f', '\n', '%00', '..', '\u0000', 'ｆ'),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('..', '.', '', '%2e%2e', '../agents', 'connector_x/../..'),
);

const SAFE_BODY = new Response('{"data":{},"meta":{"request_id":"req_1"}}');

function assertNoKey(error: unknown): void {
  const texts =
    error instanceof Error
      ? [error.message, String(error), JSON.stringify(error), error.stack ?? '', inspect(error, { depth: 5 })]
      : [String(error)];
  for (const text of texts) expect(text).not.toContain(API_KEY);
}

describe('hostile client input (fast-check)', () => {
  test('retrieve(id): a TypeError before sending, or one request to /connectors/{id} with a spec ID', async () => {
    await fc.assert(
      fc.asyncProperty(
        idArbitrary,
        counted('retrieve ids', async (id) => {
          const { fetch, sent } = scriptedFetch(() => SAFE_BODY.clone());
          const outcome = await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch })
            .connectors.retrieve(id)
            .then(
              () => undefined,
              (error: unknown) => error,
            );
          if (outcome !== undefined) {
            expect(outcome).toBeInstanceOf(InvalidArgumentError);
            expect(sent).toHaveLength(0);
            return;
          }
          expect(sent).toHaveLength(1);
          const match = /^\/api\/v1\/connectors\/([^/]+)$/.exec(new URL(sent[0]!.url).pathname);
          expect(match).not.toBeNull();
          expect(decodeURIComponent(match![1]!)).toMatch(ID_PATTERN);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  test('the raw GET with any id: a TypeError or a request to a path of the spec, never elsewhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        idArbitrary,
        counted('raw GET ids', async (id) => {
          const { fetch, sent } = scriptedFetch(() => SAFE_BODY.clone());
          const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
          const outcome = await macha.GET('/connectors/{id}', { params: { path: { id } } }).then(
            () => undefined,
            (error: unknown) => error,
          );
          if (outcome !== undefined) {
            expect(outcome).toBeInstanceOf(InvalidArgumentError);
            expect(sent).toHaveLength(0);
          } else {
            expect(new URL(sent[0]!.url).pathname).toMatch(/^\/api\/v1\/connectors\/(connector_)?[0-9a-fA-F]{24}$/);
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  test('list({cursor, limit}): query values are encoded into the query and never change the path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        fc.integer({ min: -1000, max: 1000 }),
        counted('list query values', async (cursor, limit) => {
          const { fetch, sent } = scriptedFetch(
            () => new Response('{"data":[],"meta":{"request_id":"req_1","next_cursor":null}}'),
          );
          await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch }).connectors.list({ cursor, limit });
          const url = new URL(sent[0]!.url);
          expect(url.pathname).toBe('/api/v1/connectors');
          // Lone surrogates cannot be encoded as UTF-8: they arrive as U+FFFD, like any URL encoder does.
          expect(url.searchParams.get('cursor')).toBe(cursor.toWellFormed());
          expect(url.searchParams.get('limit')).toBe(String(limit));
        }),
      ),
      { numRuns: RUNS },
    );
  });
});

/**
 * A server reply of any kind: status, content type, headers present or not, and a body of random
 * bytes, wrong-shape JSON or echoes of the key.
 */
const replyArbitrary = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504),
    fc.integer({ min: 200, max: 599 }),
  ),
  contentType: fc.option(
    fc.constantFrom(
      'application/json',
      'text/html',
      'text/plain',
      'application/octet-stream',
      'application/json; charset=utf-8',
    ),
    { nil: undefined },
  ),
  requestId: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  retryAfter: fc.option(fc.oneof(fc.nat({ max: 100 }).map(String), fc.string({ maxLength: 12 })), { nil: undefined }),
  body: fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    fc.json().map((text) => new TextEncoder().encode(text)),
    fc.anything().map((value) => new TextEncoder().encode(JSON.stringify({ data: value, meta: value }) ?? '')),
    fc
      .constantFrom(
        `{"error":{"code":"unauthorized","message":"bad key ${API_KEY}","request_id":"req_1"}}`,
        `<html>${API_KEY}</html>`,
        '{"error":null}',
        '{"data":',
        '',
      )
      .map((text) => new TextEncoder().encode(text)),
  ),
});

describe('hostile server responses (fast-check)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('every call settles with a body or a MachaError, and no error carries the key', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(replyArbitrary, { minLength: 3, maxLength: 3 }),
        fc.constantFrom('list', 'retrieve', 'create'),
        counted('server replies', async (replies, method) => {
          const { fetch } = scriptedFetch(
            ...replies.map((reply) => () => {
              const headers: Record<string, string> = {};
              if (reply.contentType) headers['content-type'] = reply.contentType;
              if (reply.requestId) headers['x-request-id'] = reply.requestId.replace(/[^\x21-\x7E]/g, '');
              if (reply.retryAfter) headers['retry-after'] = reply.retryAfter.replace(/[^\x20-\x7E]/g, '');
              const nullBody = reply.status === 204 || reply.status === 205 || reply.status === 304;
              return new Response(nullBody ? null : reply.body, { status: reply.status, headers });
            }),
          );
          const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, maxRetries: 2 });
          const call =
            method === 'list'
              ? macha.connectors.list()
              : method === 'retrieve'
                ? macha.connectors.retrieve('connector_64f1c0ef2ec711ef6dc1dcf0')
                : macha.agents.create({ handle: 'h', name: 'n', instructions: 'i' });
          const settled = call.then(
            (body) => ({ body }),
            (error: unknown) => ({ error }),
          );
          await vi.runAllTimersAsync();
          const outcome = await settled;
          if ('error' in outcome) {
            expect(isMachaError(outcome.error), String(outcome.error)).toBe(true);
            assertNoKey(outcome.error);
          } else {
            expect(outcome.body).toMatchObject({ data: expect.anything(), meta: expect.any(Object) });
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });
});
