// Issue 17's client attacks, each against the behaviour that failed: a decompression bomb, a
// body that cannot be decoded, a server that echoes the key, a short key, endless empty pages,
// and a resource named like an Object.prototype member.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OperationEntry } from '../../generated/operations.js';
import { createMachaClient, isMachaError, type MachaError } from '../../src/index.js';
import { resolveOptions } from '../../src/options.js';
import { createResources } from '../../src/resources.js';
import { API_KEY, BASE_URL, apiError, json, scriptedFetch } from '../support/scripted-fetch.js';

const ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';
/** A valid success envelope that decodes to 64 MiB: the old cap saw only its compressed length. */
const HUGE = Buffer.from(
  `{"data":{"id":"${ID}","tools":[]},"meta":{"request_id":"req_1"},"pad":"${'a'.repeat(64 * 1024 * 1024)}"}`,
);
const ENCODED = { gzip: gzipSync(HUGE), deflate: deflateSync(HUGE), br: brotliCompressSync(HUGE) };

describe('a decompression bomb, over a real socket and the platform fetch', () => {
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      const encoding = String(request.headers['x-test-encoding']) as keyof typeof ENCODED;
      const body = encoding in ENCODED ? ENCODED[encoding] : Buffer.from('not gzip at all, but labelled so');
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': encoding in ENCODED ? encoding : 'gzip',
        'content-length': body.byteLength,
      });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each([
    'gzip',
    'deflate',
    'br',
  ] as const)('%s: 1 MB on the wire, 64 MiB decoded, is refused at the 10 MiB cap', async (encoding) => {
    expect(ENCODED[encoding].byteLength).toBeLessThan(10 * 1024 * 1024);
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl, maxRetries: 0 });
    const headers = { 'x-test-encoding': encoding };
    const error = await macha.connectors.retrieve(ID, { headers }).catch((caught) => caught);
    expect(isMachaError(error)).toBe(true);
    expect([error.code, error.message]).toEqual(['invalid_response', expect.stringMatching(/exceeds 10485760 bytes/)]);
  });

  test('a body that cannot be decoded is a MachaError invalid_response, not retried', async () => {
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl, maxRetries: 2 });
    const headers = { 'x-test-encoding': 'broken' };
    const error = await macha.connectors.retrieve(ID, { headers }).catch((caught) => caught);
    expect(isMachaError(error)).toBe(true);
    expect([error.code, error.message]).toEqual(['invalid_response', expect.stringMatching(/could not be decoded/)]);
  });
});

describe('the key never reaches an error, a log line or a hook, whoever carries it', () => {
  const echo = (request: Request) =>
    json(
      429,
      { error: { code: 'rate_limited', message: `seen ${request.headers.get('authorization')}` } },
      {
        'x-request-id': String(request.headers.get('authorization')),
        'retry-after': '0',
      },
    );

  test('a server that echoes Authorization in X-Request-ID and the message', async () => {
    const lines: string[] = [];
    const events: unknown[] = [];
    const logger = {
      debug: (l: string) => lines.push(l),
      info: (l: string) => lines.push(l),
      warn: (l: string) => lines.push(l),
    };
    const { fetch } = scriptedFetch(echo, echo);
    const macha = createMachaClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      fetch,
      maxRetries: 1,
      logger,
      logLevel: 'debug',
      onRetry: (event) => events.push(event),
    });
    const error = (await macha.connectors.retrieve(ID).catch((caught) => caught)) as MachaError;
    const everything = JSON.stringify([error, error.message, error.requestId, error.toJSON(), lines, events]);
    expect(everything).not.toContain(API_KEY);
    expect(error.requestId).toBe('Bearer [redacted]');
    expect(lines).toHaveLength(2);
  });

  test('any key-shaped string is redacted, even when it is not this client key', async () => {
    const other = 'mka_live_SOMEONEELSESKEY0000000000000';
    const { fetch } = scriptedFetch(apiError(400, 'bad', `key ${other} refused`));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const error = (await macha.connectors.retrieve(ID).catch((caught) => caught)) as MachaError;
    expect(error.message).toBe('key [redacted] refused');
  });

  test("a short key ('x') does not mangle messages, and is still redacted where it stands alone", async () => {
    const { fetch } = scriptedFetch(apiError(400, 'rate_limit_exceeded', 'Rate limit exceeded for key x'));
    const macha = createMachaClient({ apiKey: 'x', baseUrl: BASE_URL, fetch, maxRetries: 0 });
    const error = (await macha.connectors.retrieve(ID).catch((caught) => caught)) as MachaError;
    expect([error.code, error.message]).toEqual(['rate_limit_exceeded', 'Rate limit exceeded for key [redacted]']);
  });
});

describe('listAll over a server that never ends', () => {
  test('new cursors with empty pages forever: stops after 5 empty pages with a clear error', async () => {
    let served = 0;
    const fetch = async () => {
      served += 1;
      return json(200, { data: [], meta: { request_id: 'req_1', next_cursor: `c${served}` } });
    };
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const error = await (async () => {
      for await (const _ of macha.connectors.listAll()) void _;
    })().catch((caught) => caught);
    expect(isMachaError(error)).toBe(true);
    expect(error.message).toMatch(/5 pages in a row were empty/);
    expect(served).toBe(5);
  });
});

describe('resources named like Object.prototype members', () => {
  const entry = (resource: string, action: string): OperationEntry => ({
    method: 'get',
    path: '/connectors',
    regex: '^/connectors$',
    resource,
    action,
    pathParams: [],
    query: [],
    body: false,
    envelope: true,
    paginated: false,
    idempotencyKey: false,
  });

  test('a resource "constructor" or "__proto__" defines nothing global and keeps its methods', () => {
    const options = resolveOptions({ apiKey: API_KEY, baseUrl: BASE_URL });
    const resources = createResources(
      { raw: {} as never, options },
      {
        a: entry('constructor', 'retrieve'),
        b: entry('__proto__', 'list'),
        c: entry('toString', 'hasOwnProperty'),
      },
    ) as unknown as Record<string, Record<string, unknown>>;
    expect((Object as unknown as Record<string, unknown>).retrieve).toBeUndefined();
    expect(({} as Record<string, unknown>).list).toBeUndefined();
    expect(Object.getPrototypeOf(resources)).toBeNull();
    const own = (name: string) => Object.getOwnPropertyDescriptor(resources, name)?.value as Record<string, unknown>;
    expect(typeof own('constructor').retrieve).toBe('function');
    expect(typeof own('toString').hasOwnProperty).toBe('function');
    expect(Object.keys(resources)).toEqual(['constructor', '__proto__', 'toString']);
  });

  test('the client and its resources have no prototype', () => {
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL });
    expect(Object.getPrototypeOf(macha)).toBeNull();
    expect(Object.getPrototypeOf(macha.connectors)).toBeNull();
  });
});
