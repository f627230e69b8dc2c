// The one place the contract tests reach the client under test: @macha/api-client without retries
// (its GET/POST have openapi-fetch's { data, error, response } surface). Two kinds of call cannot
// go through it, by design, so they use plain openapi-fetch over the generated types: a call
// without a key (the client refuses to be created without one) and a call the client refuses to
// send (a malformed ID or Idempotency-Key, see test/unit/path-guard.test.ts), where the server's
// own 422 is the contract under test.
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { createMachaClient } from '../../src/index.js';
import { operationById } from '../support/bundle.js';

/** How a test connects: where to, with which key (none for the 401 tests), through which fetch. */
export interface TestClientOptions {
  baseUrl: string;
  apiKey?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** Send what @macha/api-client would refuse to send (plain openapi-fetch). */
  raw?: boolean;
}

/** The client under test, without retries: every test sees each response it caused. */
export function createTestClient(options: TestClientOptions): TestClient {
  if (options.apiKey !== undefined && !options.raw) {
    return createMachaClient({ apiKey: options.apiKey, baseUrl: options.baseUrl, fetch: options.fetch, maxRetries: 0 });
  }
  return createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` },
  });
}

/** What the tests use of either client: openapi-fetch's surface over the generated paths. */
export type TestClient = Omit<ReturnType<typeof createClient<paths>>, 'request'>;

/** The parameters, body and extra headers of one call, as openapi-fetch takes them. */
export interface OperationCall {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, string> };
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a call resolves to: openapi-fetch's success/error branches and the raw response. */
export interface OperationResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Calls an operation by its operationId (method and path come from the bundle). */
export function callOperation(
  client: TestClient,
  operationId: string,
  call: OperationCall = {},
): Promise<OperationResult> {
  const { method, path } = operationById(operationId);
  // The operation is picked at run time, so its static types cannot be named here; the response
  // is checked against the spec instead (test/support/spec-check.ts).
  const send = client[method.toUpperCase() as 'GET'] as unknown as (
    url: string,
    init: OperationCall,
  ) => Promise<OperationResult>;
  return send(path, call);
}
