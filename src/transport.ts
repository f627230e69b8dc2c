// The fetch openapi-fetch calls: adds authentication and the User-Agent, refuses URLs it must
// not send the key to, and runs each attempt under its own time limit (body included, read
// within a bound), retrying retryable failures with the same request. Everything above it
// (openapi-fetch and its middleware) sees one request and one response.
//
// This is on every call's path: an attempt builds no Request of its own (the platform's fetch
// gets the URL and options) and one AbortController, which the caller's signal, the time limit
// and the call's deadline all abort.
import { packageVersion } from '../generated/operations.js';
import { readBody } from './body.js';
import { InvalidArgumentError, MachaError, machaError } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { assertSpecRoute } from './path-guard.js';
import { parseRetryAfter, RETRYABLE_STATUSES, retryDelay, sleep } from './retry.js';

const nodeVersion = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
/** Sent outside browsers, where a script may not set it. */
const USER_AGENT = nodeVersion ? `@macha/api-client/${packageVersion} node/${nodeVersion}` : undefined;

/** The settings of one call: the client's, or the call's overrides. */
export interface CallSettings {
  maxRetries: number;
  timeoutMs: number;
  /** Time limit of the whole call, or null. */
  deadlineMs: number | null;
  /** The caller's signal (else the Request's, which follows it). */
  signal: AbortSignal | undefined;
  /**
   * Which URLs may be sent: the regex source of the operation a resource method calls (any route
   * of the spec is also accepted, as a middleware may rewrite the URL), 'spec' for any route of
   * the spec (the raw surface), 'base' for any path below baseUrl (`macha.request`).
   */
  route: string;
  /**
   * Set by the transport to the Response it answered with and the bytes of its body, so that the
   * caller parses those bytes instead of reading the answer's stream a second time.
   */
  answered?: { response: Response; body: Uint8Array<ArrayBuffer> | null };
}

/** The MachaError for a call whose AbortSignal fired. */
function aborted(signal: AbortSignal): MachaError {
  return machaError({
    status: 0,
    code: 'aborted',
    message: 'The request was aborted by the caller.',
    cause: signal.reason,
  });
}

/** Why an attempt's own signal fired: its time limit, or the call's deadline. */
const TIMED_OUT = Symbol('timeout');

/** One attempt; failures without a response become MachaErrors. */
async function attemptOnce(
  options: ResolvedOptions,
  url: string,
  init: RequestInit,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<{ response: Response; body: Uint8Array<ArrayBuffer> | null }> {
  if (callerSignal?.aborted) throw aborted(callerSignal);
  const controller = new AbortController();
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  try {
    init.signal = controller.signal;
    const response = await options.send(url, init);
    return { response, body: await readBody(response) };
  } catch (error) {
    if (callerSignal?.aborted) throw aborted(callerSignal);
    if (error instanceof MachaError) throw error;
    if (controller.signal.reason === TIMED_OUT)
      throw machaError({ status: 0, code: 'timeout', message: `No complete response within ${timeoutMs} ms.` });
    throw machaError({
      status: 0,
      code: 'network_error',
      message: options.redact(`The request failed: ${describe(error)}`),
      cause: safeCause(error, options.redact),
    });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onAbort);
  }
}

/** Refuses a URL the key must not go to (see CallSettings.route). */
function checkRoute(options: ResolvedOptions, method: string, url: string, route: string): void {
  if (route === 'base') {
    if (!url.startsWith(`${options.baseUrl}/`))
      throw new InvalidArgumentError(`Macha client: refusing to send ${method} to a URL outside the baseUrl`);
    return;
  }
  assertSpecRoute(method, url, options.baseUrl, route === 'spec' ? undefined : route);
}

/** The fetch for openapi-fetch: sends each request with retries, answers with the buffered response. */
export function createTransport(
  options: ResolvedOptions,
  settings: CallSettings,
): (request: Request) => Promise<Response> {
  return async function transport(request: Request): Promise<Response> {
    const { method, url } = request;
    checkRoute(options, method, url, settings.route);
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${options.apiKey}`);
    if (USER_AGENT && !headers.has('user-agent')) headers.set('User-Agent', USER_AGENT);
    // Read once, so that every attempt can send it again.
    const body = request.body ? await request.arrayBuffer() : null;
    const signal = settings.signal ?? request.signal;
    // May it be sent twice? Reads always, writes only with an Idempotency-Key.
    const retryable = method === 'GET' || method === 'HEAD' || headers.has('idempotency-key');
    const started = Date.now();
    const deadline = settings.deadlineMs === null ? Infinity : started + settings.deadlineMs;
    const attempts = retryable ? settings.maxRetries + 1 : 1;
    for (let attempt = 0; ; attempt += 1) {
      const attemptStarted = Date.now();
      const timeLeft = deadline - attemptStarted;
      const timeoutMs = Math.max(1, Math.min(settings.timeoutMs, timeLeft));
      let status = 0;
      let code: string | null = null;
      let requestId: string | null = null;
      let result: { response: Response; body: Uint8Array<ArrayBuffer> | null } | undefined;
      let failure: unknown;
      let delay: number | null = null;
      try {
        result = await attemptOnce(options, url, { method, headers, body, redirect: 'error' }, signal, timeoutMs);
        status = result.response.status;
        requestId = result.response.headers.get('x-request-id');
        if (attempt + 1 < attempts && RETRYABLE_STATUSES.has(status))
          delay = retryDelay(attempt, parseRetryAfter(result.response.headers.get('retry-after')));
      } catch (error) {
        failure = error;
        code = error instanceof MachaError ? error.code : null;
        if (error instanceof MachaError && error.code === 'timeout' && timeLeft <= settings.timeoutMs)
          failure = machaError({
            status: 0,
            code: 'timeout',
            message: `No complete response within the call's deadline of ${settings.deadlineMs} ms.`,
          });
        else if ((code === 'timeout' || code === 'network_error') && attempt + 1 < attempts)
          delay = retryDelay(attempt, null);
      }
      // The deadline holds the waits too: no retry that could not start before it.
      if (delay !== null && Date.now() + delay >= deadline) delay = null;
      // Most attempts get no line (a success is logged at debug only): skip building it then.
      if (options.log.writes(status, delay !== null))
        options.log.attempt({
          method,
          path: pathOf(url, options.baseUrl),
          status,
          code,
          durationMs: Date.now() - attemptStarted,
          attempt: attempt + 1,
          attempts,
          requestId,
          retryInMs: delay,
        });
      if (delay === null) {
        if (result === undefined) throw failure;
        // A Response is a ResponseInit: the same status, status text and headers. Middleware and
        // openapi-fetch may still read the copy's body; the call itself parses `answered.body`.
        const answer = result.body === null ? result.response : new Response(result.body, result.response);
        settings.answered = { response: answer, body: result.body };
        return answer;
      }
      options.onRetry?.({
        method,
        path: options.redact(pathOf(url, options.baseUrl)),
        attempt: attempt + 1,
        status,
        code,
        requestId: requestId === null ? null : options.redact(requestId),
        delayMs: delay,
      });
      await sleep(delay, signal).catch(() => {
        throw aborted(signal as AbortSignal);
      });
    }
  };
}

/** The URL's path below baseUrl, without the query (which may hold cursors). */
function pathOf(url: string, baseUrl: string): string {
  const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/** The underlying error, or a redacted stand-in when its text (shown by console.log) holds the key. */
function safeCause(error: unknown, redact: (text: string) => string): unknown {
  const text = error instanceof Error ? `${error.message} ${error.stack ?? ''} ${describe(error)}` : String(error);
  return redact(text) === text ? error : new Error(redact(describe(error)));
}

/** A short description of a fetch failure, with its cause (undici puts the socket error there). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
