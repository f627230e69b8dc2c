// The fetch that openapi-fetch calls: adds authentication and the User-Agent, refuses routes the
// spec does not have, and runs each attempt under its own time limit, retrying retryable
// failures with a fresh copy of the request. Everything above it (openapi-fetch, middleware)
// sees one request and one response.
import { packageVersion } from '../generated/operations.js';
import { MachaError, redact } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { assertSpecRoute } from './path-guard.js';
import { parseRetryAfter, RETRYABLE_STATUSES, retryDelay, sleep } from './retry.js';

/** The most response body the client reads; more is a hostile or broken server. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const nodeVersion = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
/** Sent outside browsers, where a script may set it. */
const USER_AGENT = nodeVersion ? `@macha/api-client/${packageVersion} node/${nodeVersion}` : undefined;

/** The settings of one call: the client's, or the call's overrides. */
export type CallSettings = Pick<ResolvedOptions, 'maxRetries' | 'timeoutMs'>;

/** Reads the whole body (bounded), so that a slow or cut-off body fails inside the attempt and can be retried. */
async function buffered(response: Response): Promise<Response> {
  if (!response.body || [204, 205, 304].includes(response.status)) return response;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new MachaError({ status: response.status, code: 'invalid_response', message: `The response body exceeds ${MAX_BODY_BYTES} bytes.` });
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Whether a request may be sent twice: reads always, writes only with an Idempotency-Key. */
function isRetryable(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD' || request.headers.has('idempotency-key');
}

/** The MachaError for a call whose AbortSignal fired. */
function aborted(signal: AbortSignal): MachaError {
  return new MachaError({ status: 0, code: 'aborted', message: 'The request was aborted by the caller.', cause: signal.reason });
}

/** One attempt under its own time limit; failures without a response become MachaErrors. */
async function attemptOnce(options: ResolvedOptions, request: Request, callerSignal: AbortSignal, timeoutMs: number): Promise<Response> {
  if (callerSignal.aborted) throw aborted(callerSignal);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    return await buffered(await options.fetch(new Request(request.clone(), { signal: AbortSignal.any([callerSignal, timeout.signal]) })));
  } catch (error) {
    if (callerSignal.aborted) throw aborted(callerSignal);
    if (error instanceof MachaError) throw error;
    if (timeout.signal.aborted) throw new MachaError({ status: 0, code: 'timeout', message: `No complete response within ${timeoutMs} ms.` });
    throw new MachaError({ status: 0, code: 'network_error', message: redact(`The request failed: ${describe(error)}`, options.apiKey), cause: safeCause(error, options.apiKey) });
  } finally {
    clearTimeout(timer);
  }
}

/** A fetch for openapi-fetch that authenticates, guards the route, and times out and retries each attempt. */
export function createTransport(options: ResolvedOptions, settings: CallSettings): (request: Request) => Promise<Response> {
  return async function send(request: Request): Promise<Response> {
    assertSpecRoute(request.method, request.url, options.baseUrl);
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${options.apiKey}`);
    if (USER_AGENT && !headers.has('user-agent')) headers.set('User-Agent', USER_AGENT);
    const prepared = new Request(request, { headers });
    const callerSignal = request.signal;
    const retryable = isRetryable(prepared);

    for (let attempt = 0; ; attempt += 1) {
      let delay: number | null;
      try {
        const response = await attemptOnce(options, prepared, callerSignal, settings.timeoutMs);
        if (!retryable || attempt >= settings.maxRetries || !RETRYABLE_STATUSES.has(response.status)) return response;
        delay = retryDelay(attempt, parseRetryAfter(response.headers.get('retry-after')));
        if (delay === null) return response;
      } catch (error) {
        const transient = error instanceof MachaError && (error.code === 'timeout' || error.code === 'network_error');
        if (!transient || !retryable || attempt >= settings.maxRetries) throw error;
        delay = retryDelay(attempt, null);
      }
      if (delay) {
        await sleep(delay, callerSignal).catch(() => {
          throw aborted(callerSignal);
        });
      }
    }
  };
}

/** The underlying error, or a redacted stand-in when its text (shown by console.log) holds the key. */
function safeCause(error: unknown, apiKey: string): unknown {
  const text = error instanceof Error ? `${error.message} ${error.stack ?? ''} ${describe(error)}` : String(error);
  return text.includes(apiKey) ? new Error(redact(describe(error), apiKey)) : error;
}

/** A short description of a fetch failure, with its cause (undici puts the socket error there). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
