// One call through openapi-fetch's own request path, with the Macha transport as its fetch for
// this call's settings; resolves the parsed body, or `.withResponse()` for body and Response.
import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { checkSettings, type ResolvedOptions } from './options.js';
import { errorFrom, successBody, type TextResult } from './parse.js';
import { createTransport } from './transport.js';
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
const noop = () => {};

/** Wraps a call's outcome as the promise resource methods return. */
export function apiPromise<T>(outcome: Promise<WithResponse<T>>): APIPromise<T> {
  const promise = outcome.then((result) => result.data) as APIPromise<T>;
  // A caller who only uses withResponse() must not get an unhandled rejection from this one.
  promise.catch(noop);
  promise.withResponse = () => outcome;
  return promise;
}

/** Sends one call and parses its result; throws MachaError (of the status's class) on failure. */
export async function send<T>(context: Context, outgoing: Outgoing, call: CallOptions): Promise<WithResponse<T>> {
  const { options, raw } = context;
  const settings = checkSettings(call);
  const transport = createTransport(options, {
    maxRetries: settings.maxRetries ?? options.maxRetries,
    timeoutMs: settings.timeoutMs ?? options.timeoutMs,
    deadlineMs: settings.deadlineMs ?? options.deadlineMs,
    signal: call.signal,
    route: outgoing.route,
  });
  const result = await (raw.request as unknown as LooseRequest)(outgoing.method, outgoing.path, {
    params: outgoing.params,
    body: outgoing.body,
    headers: outgoing.headers,
    signal: call.signal,
    parseAs: 'text',
    fetch: transport,
  });
  const { response } = result;
  if (!response.ok) throw errorFrom(result, options.redact);
  const requestId = response.headers.get('x-request-id');
  return {
    data: successBody<T>(result, options.redact, outgoing.envelope),
    response,
    requestId: requestId === null ? null : options.redact(requestId),
  };
}
