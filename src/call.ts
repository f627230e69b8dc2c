// One call through openapi-fetch's own request path, with the Macha transport as its fetch for
// this call's settings; resolves the parsed body, or `.withResponse()` for body and Response.
import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { checkSettings, type ResolvedOptions } from './options.js';
import { errorFrom, successBody, type TextResult } from './parse.js';
import { type CallSettings, createTransport } from './transport.js';
import type { APIPromise, CallOptions, WithResponse } from './types.js';

/** What a call goes through. */
export interface Context {
  raw: Client<paths>;
  options: ResolvedOptions;
}

/** One call's request, as openapi-fetch's `request` takes it. */
export interface Outgoing {
  method: string;
  /** The path template (resource methods) or a literal path (`macha.request`). */
  path: string;
  params: { path?: Record<string, string>; query?: Record<string, unknown> | undefined };
  body?: unknown;
  headers: Record<string, string>;
  /** See CallSettings.route. */
  route: string;
  /** Whether a success must be the API's `{data, meta}` envelope. */
  envelope: boolean;
}

type LooseRequest = (method: string, path: string, init: Record<string, unknown>) => Promise<TextResult>;

/** Where a call leaves the Response its body came in, for `.withResponse()`. */
export type Received = Partial<Omit<WithResponse<unknown>, 'data'>>;

/**
 * Starts a call as the promise resource methods return: the call's own promise of the body (no
 * promise in between on every call's path), which `.withResponse()` extends with the Response.
 */
export function apiPromise<T>(start: (received: Received) => Promise<T>): APIPromise<T> {
  const received: Received = {};
  const promise = start(received) as APIPromise<T>;
  promise.withResponse = () =>
    promise.then((data) => ({ data, response: received.response as Response, requestId: received.requestId ?? null }));
  return promise;
}

const utf8 = new TextDecoder();

/**
 * The text of a success body: the transport's bytes when the Response is the one it answered
 * with, else (a middleware replaced it) read from the Response; undefined when it has none.
 * Not async: the usual case has the text at hand and awaits nothing.
 */
function successText(result: TextResult, settings: CallSettings): string | undefined | Promise<string> {
  if (result.data === undefined || result.data === null) return undefined;
  const { answered } = settings;
  if (answered?.response === result.response) return answered.body === null ? '' : utf8.decode(answered.body);
  return result.response.text();
}

/**
 * Sends one call and resolves its parsed body, leaving the Response in `received`; throws
 * MachaError (of the status's class) on failure.
 */
export async function send<T>(context: Context, outgoing: Outgoing, call: CallOptions, received: Received): Promise<T> {
  const { options, raw } = context;
  const checked = checkSettings(call);
  const settings: CallSettings = {
    maxRetries: checked.maxRetries ?? options.maxRetries,
    timeoutMs: checked.timeoutMs ?? options.timeoutMs,
    deadlineMs: checked.deadlineMs ?? options.deadlineMs,
    signal: call.signal,
    route: outgoing.route,
  };
  // 'stream': openapi-fetch hands a success's body over unread; the transport already holds its
  // bytes (read within the cap and the time limit), so they are not read through a stream again.
  const result = await (raw.request as unknown as LooseRequest)(outgoing.method, outgoing.path, {
    params: outgoing.params,
    body: outgoing.body,
    headers: outgoing.headers,
    signal: call.signal,
    parseAs: 'stream',
    fetch: createTransport(options, settings),
  });
  const { response } = result;
  if (!response.ok) throw errorFrom(result, options.redact);
  const requestId = response.headers.get('x-request-id');
  received.response = response;
  received.requestId = requestId === null ? null : options.redact(requestId);
  const text = successText(result, settings);
  return successBody<T>(
    { response, data: text instanceof Promise ? await text : text },
    options.redact,
    outgoing.envelope,
  );
}
