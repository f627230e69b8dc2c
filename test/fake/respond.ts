// Writing responses: the API's own (JSON with X-Request-ID and X-RateLimit-* on every one), and
// the damaged ones the fault mode sends instead.
import type { ServerResponse } from 'node:http';
import type { FaultKind } from './faults.js';
import type { RateLimitState } from './rate-limit.js';

/** The headers every API response carries. */
export function apiHeaders(requestId: string, limit: RateLimitState): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-request-id': requestId,
    'x-ratelimit-limit': String(limit.limit),
    'x-ratelimit-remaining': String(limit.remaining),
    'x-ratelimit-reset': String(limit.reset),
    ...(limit.allowed ? {} : { 'retry-after': String(limit.retryAfter) }),
  };
}

/**
 * Sends status and JSON body, damaged as `fault` says: `drop` closes the connection without an
 * answer, `slow` holds the answer back for slowMs (unless the client gives up first), `truncated`
 * announces the full length and sends half.
 */
export function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
  fault: FaultKind | undefined,
  slowMs: number,
): void {
  const bytes = Buffer.from(JSON.stringify(body));
  const write = () => {
    response.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
    if (fault !== 'truncated') {
      response.end(bytes);
      return;
    }
    response.write(bytes.subarray(0, bytes.length >> 1), () => response.socket?.destroy());
  };
  if (fault === 'drop') response.socket?.destroy();
  else if (fault === 'slow') {
    const timer = setTimeout(write, slowMs);
    response.once('close', () => clearTimeout(timer));
  } else write();
}

/** A gateway's HTML error page: what a client meets when a proxy in front of the API fails. */
export function sendGatewayPage(response: ServerResponse): void {
  const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
  response.writeHead(502, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(page)) });
  response.end(page);
}
