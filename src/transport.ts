// Sends a call: adds authentication and the User-Agent, refuses routes the spec does not have, and
// runs each attempt under its own time limit, retrying retryable failures with the same request.
// Each attempt reads the whole body (bounded), so a slow or cut-off body fails inside the attempt.
// Two ways in: `send`, which the resource methods call directly, and `createTransport`, the fetch
// that openapi-fetch calls (the raw surface, and resource calls when middleware is registered);
// everything above either one sees one request and one response.
//
// This is on every call's path, and on Node each Request and AbortSignal costs about as much CPU
// as the rest of a call: an attempt builds no Request of its own (the platform's fetch gets the
// URL and options) and one AbortController, which the caller's signal and the timer both abort.
import { packageVersion } from '../generated/operations.js';
import { MachaError, redact } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { assertSpecRoute } from './path-guard.js';
import { parseRetryAfter, RETRYABLE_STATUSES, retryDelay, sleep } from './retry.js';

/** The most response body the client reads; more is a hostile or broken server. */
const MAX_BODY_BYTES = 10_485_760; // 10 MiB

const nodeVersion = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
/** Sent outside browsers, where a script may set it. */
const USER_AGENT = nodeVersion ? `@macha/api-client/${packageVersion} node/${nodeVersion}` : undefined;

/** The settings of one call: the client's, or the call's overrides. */
export type CallSettings = Pick<ResolvedOptions, 'maxRetries' | 'timeoutMs'>;

/** What a call sends, before authentication. */
export interface Outgoing {
  /** The URL, or a Request whose URL and other options (credentials, cache, ...) to send. */
  target: string | Request;
  method: string;
  headers: Headers;
  body: string | ArrayBuffer | null;
  signal: AbortSignal | undefined;
}

/** A response with its whole body read (null for a response without one). */
export interface Buffered {
  response: Response;
  body: Uint8Array<ArrayBuffer> | null;
}

/** Reads the whole body (bounded); null when the response has none. */
async function readBody(response: Response): Promise<Uint8Array<ArrayBuffer> | null> {
  // 204, 205 and 304 (null-body statuses) have no body: a Response cannot be built with one.
  if (!response.body) return null;
  // A declared length within the bound: read it in one go (the HTTP parser holds the body to it).
  if (Number(response.headers.get('content-length') ?? NaN) <= MAX_BODY_BYTES)
    return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Uint8Array(await new Blob(chunks).arrayBuffer());
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new MachaError({
        status: response.status,
        code: 'invalid_response',
        message: `The response body exceeds ${MAX_BODY_BYTES} bytes.`,
      });
    }
    chunks.push(value);
  }
}

/** The MachaError for a call whose AbortSignal fired. */
function aborted(signal: AbortSignal): MachaError {
  return new MachaError({
    status: 0,
    code: 'aborted',
    message: 'The request was aborted by the caller.',
    cause: signal.reason,
  });
}

/** Why an attempt's own signal fired: its time limit. */
const TIMED_OUT = Symbol('timeout');

/** One attempt under its own time limit; failures without a response become MachaErrors. */
async function attemptOnce(options: ResolvedOptions, outgoing: Outgoing, timeoutMs: number): Promise<Buffered> {
  const callerSignal = outgoing.signal;
  if (callerSignal?.aborted) throw aborted(callerSignal);
  const controller = new AbortController();
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  try {
    const { target, method, headers, body } = outgoing;
    // The API never redirects; following one could carry the key to another host.
    const response = await options.send(target, {
      method,
      headers,
      body,
      signal: controller.signal,
      redirect: 'error',
    });
    return { response, body: await readBody(response) };
  } catch (error) {
    if (callerSignal?.aborted) throw aborted(callerSignal);
    if (error instanceof MachaError) throw error;
    if (controller.signal.reason === TIMED_OUT)
      throw new MachaError({ status: 0, code: 'timeout', message: `No complete response within ${timeoutMs} ms.` });
    throw new MachaError({
      status: 0,
      code: 'network_error',
      message: redact(`The request failed: ${describe(error)}`, options.apiKey),
      cause: safeCause(error, options.apiKey),
    });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onAbort);
  }
}

/** Sends a call: authenticated, route-checked, each attempt timed out, retryable failures retried. */
export async function send(options: ResolvedOptions, settings: CallSettings, outgoing: Outgoing): Promise<Buffered> {
  const { target } = outgoing;
  assertSpecRoute(outgoing.method, typeof target === 'string' ? target : target.url, options.baseUrl);
  const { headers, signal } = outgoing;
  headers.set('Authorization', `Bearer ${options.apiKey}`);
  if (USER_AGENT && !headers.has('user-agent')) headers.set('User-Agent', USER_AGENT);
  // May it be sent twice? Reads always, writes only with an Idempotency-Key.
  const retryable = outgoing.method === 'GET' || outgoing.method === 'HEAD' || headers.has('idempotency-key');

  for (let attempt = 0; ; attempt += 1) {
    let delay: number | null;
    try {
      const buffered = await attemptOnce(options, outgoing, settings.timeoutMs);
      const { status, headers: received } = buffered.response;
      if (!retryable || attempt >= settings.maxRetries || !RETRYABLE_STATUSES.has(status)) return buffered;
      delay = retryDelay(attempt, parseRetryAfter(received.get('retry-after')));
      if (delay === null) return buffered;
    } catch (error) {
      const transient = error instanceof MachaError && (error.code === 'timeout' || error.code === 'network_error');
      if (!transient || !retryable || attempt >= settings.maxRetries) throw error;
      delay = retryDelay(attempt, null);
    }
    if (delay) {
      await sleep(delay, signal).catch(() => {
        throw aborted(signal as AbortSignal);
      });
    }
  }
}

/** A fetch for openapi-fetch that sends each request with `send`, and answers with the buffered response. */
export function createTransport(
  options: ResolvedOptions,
  settings: CallSettings,
): (request: Request) => Promise<Response> {
  return async function transport(request: Request): Promise<Response> {
    // The body is read once, so that every attempt can send it again.
    const body = request.body ? await request.arrayBuffer() : null;
    const { method, signal } = request;
    const { response, body: received } = await send(options, settings, {
      target: request,
      method,
      headers: new Headers(request.headers),
      body,
      signal,
    });
    // A Response is a ResponseInit: the same status, status text and headers.
    return received === null ? response : new Response(received, response);
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
