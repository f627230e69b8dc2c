// Rate limits on the mock, per API key over sliding windows, with small windows and a hand-moved
// clock: the X-RateLimit-* headers describe whichever window runs out first, and an exhausted
// window gets 429 with Retry-After until it frees a request.
import { afterAll, describe, expect, test } from 'vitest';
import { useSpecCheck } from '../support/spec-check.js';
import { createTestClient } from '../contract/client.js';
import { startWorld, expectNoViolations } from './world.js';

const MINUTE = 60_000;
const world = await startWorld({
  windows: [
    { limit: 3, windowMs: MINUTE },
    { limit: 5, windowMs: 60 * MINUTE },
  ],
});
expectNoViolations(() => world);
afterAll(() => world.mock.close());

const headersOf = (response: Response) => ({
  limit: Number(response.headers.get('x-ratelimit-limit')),
  remaining: Number(response.headers.get('x-ratelimit-remaining')),
  reset: Number(response.headers.get('x-ratelimit-reset')),
  retryAfter: response.headers.get('retry-after'),
});

describe('rate limits on the mock', () => {
  const spec = useSpecCheck({ baseUrl: world.mock.url, sameRequestId: true });
  const client = createTestClient({ baseUrl: world.mock.url, apiKey: world.keys.full, fetch: spec.fetch });
  const list = () => client.GET('/connectors');
  const nowSeconds = () => world.clock.now() / 1000;

  test('listConnectors: the minute window runs out first, then 429 with Retry-After until it frees', async () => {
    const start = nowSeconds();
    const answers = [await list(), await list(), await list()];
    expect(answers.map(({ response }) => headersOf(response))).toEqual([
      { limit: 3, remaining: 2, reset: start + 60, retryAfter: null },
      { limit: 3, remaining: 1, reset: start + 60, retryAfter: null },
      { limit: 3, remaining: 0, reset: start + 60, retryAfter: null },
    ]);
    world.clock.advance(15_000);
    const refused = await list();
    expect(refused.response.status).toBe(429);
    expect(refused.error?.error.code).toBe('rate_limited');
    expect(headersOf(refused.response)).toEqual({ limit: 3, remaining: 0, reset: start + 60, retryAfter: '45' });
    // A refused request does not count: after Retry-After seconds the window has room again.
    world.clock.advance(45_000);
    expect((await list()).response.status).toBe(200);
  });

  test('listConnectors: the hour window takes over when it has fewer requests left', async () => {
    // Continuing from the test above: 4 requests in this hour, 1 in the current minute.
    world.clock.advance(MINUTE);
    const last = await list();
    expect(last.response.status).toBe(200);
    expect(headersOf(last.response)).toMatchObject({ limit: 5, remaining: 0 });
    world.clock.advance(MINUTE);
    const refused = await list();
    expect(refused.response.status).toBe(429);
    expect(headersOf(refused.response).limit).toBe(5);
    expect(Number(headersOf(refused.response).retryAfter)).toBeGreaterThan(60);
  });

  test('listConnectors: limits are per API key, and a 403 carries the headers too', async () => {
    const other = createTestClient({
      baseUrl: world.mock.url,
      apiKey: world.keys.writeOnly,
      fetch: spec.fetch,
    });
    const forbidden = await other.GET('/connectors');
    expect(forbidden.response.status).toBe(403);
    expect(headersOf(forbidden.response)).toMatchObject({ limit: 3, remaining: 2 });
  });

  test('getDiscovery: the open banner is rate limited too, per key; callers without a key share a bucket', async () => {
    const anonymous = createTestClient({ baseUrl: world.mock.url, fetch: spec.fetch });
    const banner = () => anonymous.GET('/');
    const answers = [await banner(), await banner(), await banner(), await banner()];
    expect(answers.map(({ response }) => response.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map(({ response }) => headersOf(response).remaining)).toEqual([2, 1, 0, 0]);
    expect(answers[3]?.error?.error.code).toBe('rate_limited');
    const keyed = createTestClient({
      baseUrl: world.mock.url,
      apiKey: world.mock.issueKey('org_a', []),
      fetch: spec.fetch,
    });
    expect(headersOf((await keyed.GET('/')).response)).toMatchObject({ limit: 3, remaining: 2 });
  });
});
