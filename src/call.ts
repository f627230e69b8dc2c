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
  /** Whether any middleware is installed with `macha.use` (and not ejected). */
  hasMiddleware: () => boolean;
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
const noop = () => {};

/** Wraps a call's outcome as the promise resource methods return. */
export function apiPromise<T>(outcome: Promise<WithResponse<T>>): APIPromise<T> {
  const promise = outcome.then((result) => result.data) as APIPromise<T>;
  // A caller who only uses withResponse() must not get an unhandled rejection from this one.
  promise.catch(noop);
  promise.withResponse = () => outcome;
  return promise;
}

const utf8 = new TextDecoder();

/**
 * The text of a success body: the transport's bytes when the Response is the one it answered
 * with, else (a middleware replaced it) read from the Response; undefined when it has none.
 */
async function successText(result: TextResult, settings: CallSettings): Promise<string | undefined> {
  if (result.data === undefined || result.data === null) return undefined;
  const { answered } = settings;
  if (answered?.response === result.response) return answered.body === null ? '' : utf8.decode(answered.body);
  return result.response.text();
}

/** Sends one call and parses its result; throws MachaError (of the status's class) on failure. */
export async function send<T>(context: Context, outgoing: Outgoing, call: CallOptions): Promise<WithResponse<T>> {
  const { options, raw, hasMiddleware } = context;
  const checked = checkSettings(call);
  const settings: CallSettings = {
    maxRetries: checked.maxRetries ?? options.maxRetries,
    timeoutMs: checked.timeoutMs ?? options.timeoutMs,
    deadlineMs: checked.deadlineMs ?? options.deadlineMs,
    signal: call.signal,
    route: outgoing.route,
    readableSuccess: hasMiddleware(),
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
  return {
    data: successBody<T>({ response, data: await successText(result, settings) }, options.redact, outgoing.envelope),
    response,
    requestId: requestId === null ? null : options.redact(requestId),
  };
}
