// macha.request: call a path the spec does not have yet, with the client's authentication,
// retries, time limits and errors. The path is checked so that the key only ever goes below baseUrl.
import { apiPromise, type Context, send } from './call.js';
import { InvalidArgumentError } from './errors.js';
import { shown } from './resources.js';
import type { APIPromise, CallOptions } from './types.js';

/** What `macha.request` sends besides method and path. */
export interface RequestInit extends CallOptions {
  /** Query parameters, serialized like the resource methods' (`undefined` ones left out). */
  query?: Record<string, string | number | boolean | undefined> | undefined;
  /** A JSON body. */
  body?: unknown;
}

/** `macha.request(method, path, init)`: resolves the parsed JSON (or text) body, throws MachaError. */
export type RequestMethod = <T = unknown>(method: string, path: string, init?: RequestInit) => APIPromise<T>;

/** Why a path is refused, or undefined when it is a plain path below baseUrl. */
function pathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//'))
    return 'it must be a path starting with one "/" (no absolute URL, no other host)';
  // Visible ASCII only: no spaces or control characters (percent-encode anything else).
  if (!/^[!-~]+$/.test(path) || /[\\?#{}]/.test(path))
    return 'it must be visible ASCII without backslashes, "?", "#" or braces (pass query in init.query)';
  if (/%(?:2e|2f|5c|25)/i.test(path)) return 'it must not contain encoded dots, slashes, backslashes or percent signs';
  if (path.split('/').some((segment) => segment === '.' || segment === '..'))
    return 'it must not contain . or .. segments';
  return undefined;
}

/** Makes `macha.request` for a client. */
export function createRequest(context: Context): RequestMethod {
  return <T>(method: string, path: string, init: RequestInit = {}) =>
    apiPromise<T>(async (received) => {
      if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))
        throw new InvalidArgumentError(`Macha client: request method must be an HTTP method, got ${shown(method)}`);
      const problem = pathProblem(path);
      if (problem) throw new InvalidArgumentError(`Macha client: refusing request path ${shown(path)}: ${problem}`);
      const { query, body, ...call } = init;
      const headers: Record<string, string> = { ...call.headers };
      if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey;
      return send<T>(
        context,
        { method, path, params: { query }, body, headers, route: 'base', envelope: false },
        call,
        received,
      );
    });
}
