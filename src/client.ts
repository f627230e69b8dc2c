// createMachaClient: openapi-fetch's typed client over the Macha transport, plus the resource
// methods generated from the spec.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
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
  // The transport refuses redirects (the API never redirects; following one could carry the key elsewhere).
  const raw = createClient<paths>({ baseUrl: resolved.baseUrl, fetch: createTransport(resolved, resolved) });
  // Only openapi-fetch runs middleware: while any is registered, resource calls go through it. The
  // list follows openapi-fetch's own, one entry at a time (a duplicate counts twice, falsy entries
  // are skipped, an invalid one throws after the ones before it were added).
  const middleware: Middleware[] = [];
  const { use, eject } = raw;
  raw.use = (...added) => {
    for (const one of added) {
      use(one);
      if (one) middleware.push(one);
    }
  };
  raw.eject = (...removed) => {
    for (const one of removed) {
      eject(one);
      const index = middleware.indexOf(one);
      if (index !== -1) middleware.splice(index, 1);
    }
  };
  return Object.assign(raw, createResources({ raw, options: resolved, middleware }));
}
