// createMachaClient: openapi-fetch's typed client over the Macha transport, the resource methods
// generated from the spec, and `request` for paths the spec does not have yet. Every call goes
// through openapi-fetch's own request path, so its middleware sees every call.
import createClient, { type Client } from 'openapi-fetch';
import type { Resources } from '../generated/operations.js';
import type { paths } from '../generated/schema.js';
import { createRequest, type RequestMethod } from './escape.js';
import { type MachaClientOptions, resolveOptions } from './options.js';
import { assertRawCall } from './path-guard.js';
import { createResources } from './resources.js';
import { createTransport } from './transport.js';

/** The client: openapi-fetch's `GET`/`POST`/`use`/... surface, the resources, and `request`. */
export type MachaClient = Omit<Client<paths>, 'request'> & Resources & { request: RequestMethod };

/** openapi-fetch's methods the client keeps, each checked before it sends (`request` is the escape hatch). */
const RAW_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type RawMethod = (path: string, init?: { params?: { path?: unknown } }) => Promise<unknown>;

/** A raw method that refuses a call outside the spec (a rejection, like any other failure) before sending. */
function checked(method: string, send: RawMethod, baseUrl: string): RawMethod {
  return (path, init) => {
    try {
      assertRawCall(method, path, init?.params?.path, baseUrl);
    } catch (error) {
      return Promise.reject(error);
    }
    return send(path, init);
  };
}

/**
 * Creates a Macha API client. Throws InvalidArgumentError (a TypeError and a MachaError) when an
 * option is wrong: no API key, a bad baseUrl, http:// to a remote host, a browser without
 * dangerouslyAllowBrowser, ...
 */
export function createMachaClient(options: MachaClientOptions = {}): MachaClient {
  const resolved = resolveOptions(options);
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    // The raw surface's calls: the client's settings, any route of the spec.
    fetch: createTransport(resolved, {
      maxRetries: resolved.maxRetries,
      timeoutMs: resolved.timeoutMs,
      deadlineMs: resolved.deadlineMs,
      signal: undefined,
      route: 'spec',
    }),
    ...(resolved.defaultHeaders ? { headers: resolved.defaultHeaders } : {}),
  });
  const context = { raw, options: resolved };
  // Without a prototype, and with defineProperty: no name can reach Object.prototype or a setter.
  const client = Object.create(null) as Record<string, unknown>;
  const define = (name: string, value: unknown) =>
    Object.defineProperty(client, name, { value, enumerable: true, writable: false, configurable: false });
  for (const name of RAW_METHODS) define(name, checked(name, raw[name] as RawMethod, resolved.baseUrl));
  define('use', raw.use);
  define('eject', raw.eject);
  define('request', createRequest(context));
  for (const [name, resource] of Object.entries(createResources(context))) define(name, resource);
  return client as unknown as MachaClient;
}
