// createMachaClient: openapi-fetch's typed client over the Macha transport, plus the resource
// methods generated from the spec.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { resolveOptions, type MachaClientOptions } from './options.js';
import { createResources, type Resources } from './resources.js';
import { createTransport } from './transport.js';

/** The client: openapi-fetch's `GET`/`POST`/... surface and the resource methods (`connectors`, `agents`, ...). */
export type MachaClient = Client<paths> & Resources;

/**
 * Creates a Macha API client. Throws TypeError when an option is wrong (no API key, a bad
 * baseUrl, http:// to a remote host, ...).
 */
export function createMachaClient(options: MachaClientOptions = {}): MachaClient {
  const resolved = resolveOptions(options);
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: createTransport(resolved, resolved),
    // The API never redirects; following one could carry the key to another host.
    redirect: 'error',
  });
  return Object.assign(raw, createResources(raw, resolved));
}
