// Resource methods have one call path, openapi-fetch's own request with the Macha transport as its
// fetch: with middleware registered or not, they must put the same request on the wire. These
// tests use the platform's fetch (no fetch option) against a
// local server, the path every other unit test replaces with a scripted fetch.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMachaClient, type MachaClient } from '../../src/index.js';
import { retrieveResponse } from '../fixtures/seeds.js';
import { API_KEY } from '../support/scripted-fetch.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const AGENT = { handle: 'readOnlyZendesk', name: 'Read-only Zendesk', instructions: 'Answer questions.', tools: [] };
const CREATED = { data: { id: 'agent_6a28e310f2ec711ef6dc1dd0' }, meta: { request_id: 'req_c2d00cc206dce2b9' } };

describe('with or without middleware, resource calls send the same request', () => {
  let server: Server;
  let baseUrl = '';
  const received: Received[] = [];
  /** Statuses to answer POST /agents with, in order (then 201). */
  const postStatuses: number[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
        const status = request.method === 'POST' ? (postStatuses.shift() ?? 201) : 200;
        const payload =
          status >= 500
            ? { error: { code: 'service_unavailable', message: 'Try again.', request_id: 'req_1' } }
            : request.method === 'POST'
              ? CREATED
              : retrieveResponse;
        response
          .writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' })
          .end(JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** What the server saw of the last request, without the headers that differ by transport. */
  const lastRequest = () => {
    const { method, url, headers, body } = received.at(-1)!;
    return {
      method,
      url,
      body,
      authorization: headers.authorization,
      userAgent: headers['user-agent'],
      contentType: headers['content-type'],
      idempotencyKey: headers['idempotency-key'],
    };
  };

  test('a retrieve without middleware, through it (one request, one response), and without once ejected', async () => {
    const macha: MachaClient = createMachaClient({ apiKey: API_KEY, baseUrl });
    const id = retrieveResponse.data.id;
    expect(await macha.connectors.retrieve(id)).toEqual(retrieveResponse);
    const direct = lastRequest();
    expect(direct).toMatchObject({
      method: 'GET',
      url: `/api/v1/connectors/${id}`,
      authorization: `Bearer ${API_KEY}`,
    });
    expect(direct.userAgent).toMatch(/^@macha\/api-client\//);

    const seen: string[] = [];
    const middleware = {
      onRequest: ({ request }: { request: Request }) =>
        void seen.push(`request ${request.method} ${new URL(request.url).pathname}`),
      onResponse: ({ response }: { response: Response }) => void seen.push(`response ${response.status}`),
    };
    macha.use(middleware);
    expect(await macha.connectors.retrieve(id)).toEqual(retrieveResponse);
    expect(seen).toEqual([`request GET /api/v1/connectors/${id}`, 'response 200']);
    expect(lastRequest()).toEqual(direct);

    macha.eject(middleware);
    await macha.connectors.retrieve(id);
    expect(seen).toHaveLength(2);
    expect(lastRequest()).toEqual(direct);
  });

  test('middleware registered twice, ejected once, still runs on resource calls (as in openapi-fetch)', async () => {
    const macha: MachaClient = createMachaClient({ apiKey: API_KEY, baseUrl });
    const seen: string[] = [];
    const middleware = { onRequest: () => void seen.push('request') };
    macha.use(middleware, middleware);
    macha.eject(middleware);
    await macha.connectors.retrieve(retrieveResponse.data.id);
    expect(seen).toEqual(['request']);
  });

  test('middleware reads the body while one is installed, however use and eject were called', async () => {
    const id = retrieveResponse.data.id;
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl });
    const read: unknown[] = [];
    const reader = {
      onResponse: async ({ response }: { response: Response }) => void read.push(await response.json()),
    };
    const other = { onRequest: () => undefined };
    // A call before any middleware, then one middleware used twice and another ejected that never was.
    expect(await macha.connectors.retrieve(id)).toEqual(retrieveResponse);
    macha.use(reader, reader);
    macha.eject(reader, other);
    expect(await macha.connectors.retrieve(id)).toEqual(retrieveResponse);
    macha.eject(reader);
    macha.use(other);
    expect(await macha.connectors.retrieve(id)).toEqual(retrieveResponse);
    expect(read).toEqual([retrieveResponse]);
    // An error status without middleware still gets its envelope parsed.
    macha.eject(other);
    postStatuses.push(503, 503, 503);
    await expect(macha.agents.create(AGENT, { maxRetries: 0 })).rejects.toMatchObject({
      status: 503,
      code: 'service_unavailable',
    });
    postStatuses.splice(0);
  });

  test('middleware may read the success body; a Response it returns instead is what the call resolves to', async () => {
    const id = retrieveResponse.data.id;
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl });
    const read: unknown[] = [];
    macha.use({ onResponse: async ({ response }) => void read.push(await response.clone().json()) });
    expect(await macha.connectors.retrieve(id)).toEqual(retrieveResponse);
    expect(read).toEqual([retrieveResponse]);
    const replaced = { data: { ...retrieveResponse.data, name: 'From middleware' }, meta: retrieveResponse.meta };
    macha.use({ onResponse: ({ response }) => new Response(JSON.stringify(replaced), response) });
    expect(await macha.connectors.retrieve(id)).toEqual(replaced);
  });

  test('a create retried after a 503 sends the same body and Idempotency-Key each time, on either path', async () => {
    for (const withMiddleware of [false, true]) {
      const macha = createMachaClient({ apiKey: API_KEY, baseUrl });
      if (withMiddleware) macha.use({ onRequest: () => undefined });
      postStatuses.push(503);
      const before = received.length;
      expect(await macha.agents.create(AGENT, { idempotencyKey: 'key-1' })).toEqual(CREATED);
      const attempts = received.slice(before);
      expect(attempts.map((attempt) => [attempt.method, attempt.url])).toEqual([
        ['POST', '/api/v1/agents'],
        ['POST', '/api/v1/agents'],
      ]);
      for (const attempt of attempts) {
        expect(JSON.parse(attempt.body)).toEqual(AGENT);
        expect(attempt.headers['idempotency-key']).toBe('key-1');
        expect(attempt.headers['content-type']).toBe('application/json');
        expect(attempt.headers.authorization).toBe(`Bearer ${API_KEY}`);
      }
    }
  });

  test('a redirect is refused with and without middleware (following it would have succeeded)', async () => {
    const target = `${baseUrl}/connectors/${retrieveResponse.data.id}`;
    const redirecting = createServer((_request, response) => response.writeHead(302, { location: target }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const macha = createMachaClient({
        apiKey: API_KEY,
        baseUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/api/v1`,
        maxRetries: 0,
      });
      const direct = await macha.connectors
        .retrieve(retrieveResponse.data.id)
        .catch((error: { code?: string }) => error);
      macha.use({ onRequest: () => undefined });
      const viaMiddleware = await macha.connectors
        .retrieve(retrieveResponse.data.id)
        .catch((error: { code?: string }) => error);
      expect([(direct as { code?: string }).code, (viaMiddleware as { code?: string }).code]).toEqual([
        'network_error',
        'network_error',
      ]);
    } finally {
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
    }
  });
});
