// Writing responses: the API's own (JSON with X-Request-ID and X-RateLimit-* on every one), and
// the damaged ones the fault mode sends instead.

/**
 * The headers every API response carries.
 * @param {string} requestId
 * @param {import('./rate-limit.mjs').RateLimitState | undefined} limit
 */
export function apiHeaders(requestId, limit) {
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId };
  if (!limit) return headers;
  headers['x-ratelimit-limit'] = String(limit.limit);
  headers['x-ratelimit-remaining'] = String(limit.remaining);
  headers['x-ratelimit-reset'] = String(limit.reset);
  if (!limit.allowed) headers['retry-after'] = String(limit.retryAfter);
  return headers;
}

/**
 * Sends status and JSON body (none when undefined), damaged as `fault` says: `drop` closes the
 * connection without an answer, `slow` holds the answer back for slowMs (unless the client gives
 * up first), `truncated` announces the full length and sends half.
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {Record<string, string>} headers
 * @param {unknown} body
 * @param {string | undefined} fault
 * @param {number} delayMs
 */
export function send(response, status, headers, body, fault, delayMs) {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const write = () => {
    const sent = { ...headers, 'content-length': String(bytes.length) };
    if (body === undefined) delete sent['content-type'];
    response.writeHead(status, sent);
    if (fault !== 'truncated') {
      response.end(bytes);
      return;
    }
    response.write(bytes.subarray(0, bytes.length >> 1), () => response.socket?.destroy());
  };
  if (fault === 'drop') response.socket?.destroy();
  else if (delayMs > 0) {
    const timer = setTimeout(write, delayMs);
    response.once('close', () => clearTimeout(timer));
  } else write();
}

/**
 * A gateway's HTML error page: what a client meets when a proxy in front of the API fails.
 * @param {import('node:http').ServerResponse} response
 */
export function sendGatewayPage(response) {
  const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
  response.writeHead(502, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(page)) });
  response.end(page);
}
