// An injected fetch for unit tests: answers each request with the next scripted reply and
// records what was sent (method, URL, headers, body), so tests assert on real Request objects.
import { vi } from 'vitest';

/** One scripted reply: a Response to return, an error to throw, or a function of the request. */
export type Reply = Response | Error | ((request: Request) => Response | Promise<Response>);

/** What the client sent, read from the Request it passed to fetch. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  at: number;
}

/** A JSON response with the headers every Macha response carries. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_header0001', ...headers },
  });
}

/** An error envelope response. */
export function apiError(
  status: number,
  code: string,
  message = `${code} happened`,
  headers: Record<string, string> = {},
): Response {
  return json(status, { error: { code, message, request_id: 'req_envelope001' } }, headers);
}

/** A fetch that replays the script in order and records every request; fails loudly past its end. */
export function scriptedFetch(...script: Reply[]) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (request: Request): Promise<Response> => {
    sent.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
      at: Date.now(),
    });
    const reply = script.shift();
    if (reply === undefined) throw new Error(`scriptedFetch: unexpected request ${request.method} ${request.url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(request) : reply;
  });
  return { fetch, sent };
}

/** A valid API key for tests (never a real one). */
export const API_KEY = 'mka_live_TESTtestTESTtestTESTtestTESTtest';
/** A loopback base URL: http:// is allowed there. */
export const BASE_URL = 'http://127.0.0.1:9/api/v1';
