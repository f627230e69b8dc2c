// One log line per attempt (method, path, status, duration, attempt, request id, wait before a
// retry) at the level MACHA_LOG or logLevel sets, and onRetry before each wait.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createMachaClient, type RetryEvent } from '../../src/index.js';
import { API_KEY, BASE_URL, apiError, json, scriptedFetch } from '../support/scripted-fetch.js';

const ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';
const detail = { data: { id: ID, tools: [] }, meta: { request_id: 'req_1' } };

function recorder() {
  const lines: [string, string][] = [];
  const logger = {
    debug: (line: string) => lines.push(['debug', line]),
    info: (line: string) => lines.push(['info', line]),
    warn: (line: string) => lines.push(['warn', line]),
  };
  return { lines, logger };
}

describe('logging and onRetry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => vi.useRealTimers());

  test('a 429 with Retry-After: 12 is logged at warn with its wait, then the success at debug', async () => {
    const { fetch } = scriptedFetch(
      apiError(429, 'rate_limited', 'slow down', { 'retry-after': '12', 'x-request-id': 'req_a' }),
      json(200, detail, { 'x-request-id': 'req_b' }),
    );
    const { lines, logger } = recorder();
    const events: RetryEvent[] = [];
    const macha = createMachaClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      fetch,
      logger,
      logLevel: 'debug',
      onRetry: (event) => events.push(event),
    });
    const call = macha.connectors.retrieve(ID);
    await vi.runAllTimersAsync();
    await call;
    expect(lines).toEqual([
      [
        'warn',
        expect.stringMatching(
          new RegExp(`^\\[macha\\] GET /connectors/${ID} 429 \\d+ms attempt=1/3 request_id=req_a retry_in=12000ms$`),
        ),
      ],
      [
        'debug',
        expect.stringMatching(
          new RegExp(`^\\[macha\\] GET /connectors/${ID} 200 \\d+ms attempt=2/3 request_id=req_b$`),
        ),
      ],
    ]);
    expect(events).toEqual([
      {
        method: 'GET',
        path: `/connectors/${ID}`,
        attempt: 1,
        status: 429,
        code: null,
        requestId: 'req_a',
        delayMs: 12000,
      },
    ]);
  });

  test('MACHA_LOG=warn keeps retries and drops successes; off drops everything; info adds final failures', async () => {
    const run = async (level: string) => {
      vi.stubEnv('MACHA_LOG', level);
      const { fetch } = scriptedFetch(apiError(503, 'x'), apiError(404, 'not_found'));
      const { lines, logger } = recorder();
      const call = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, logger })
        .connectors.retrieve(ID)
        .catch(() => {});
      await vi.runAllTimersAsync();
      await call;
      return lines.map(([lineLevel]) => lineLevel);
    };
    expect(await run('warn')).toEqual(['warn']);
    expect(await run('info')).toEqual(['warn', 'info']);
    expect(await run('off')).toEqual([]);
  });

  test('an unknown MACHA_LOG is refused, naming it', () => {
    vi.stubEnv('MACHA_LOG', 'verbose');
    expect(() => createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL })).toThrow(
      /MACHA_LOG must be debug, info, warn or off/,
    );
  });
});
