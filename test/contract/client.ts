// The one place the contract tests reach the client under test. Today that is openapi-fetch over
// the generated types; once @macha/api-client (src/) exists, createTestClient returns
// createMachaClient({ apiKey, baseUrl, fetch, maxRetries: 0 }), whose GET/POST have the same
// { data, error, response } surface, and nothing else here changes.
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { operationById } from '../support/bundle.js';

/** How a test connects: where to, with which key (none for the 401 tests), through which fetch. */
export interface TestClientOptions {
  baseUrl: string;
  apiKey?: string;
  fetch?: (request: Request) => Promise<Response>;
}

/** The client under test, without retries: every test sees each response it caused. */
export function createTestClient(options: TestClientOptions) {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` },
  });
}

/** The client createTestClient returns. */
export type TestClient = ReturnType<typeof createTestClient>;

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
export function callOperation(client: TestClient, operationId: string, call: OperationCall = {}): Promise<OperationResult> {
  const { method, path } = operationById(operationId);
  // The operation is picked at run time, so its static types cannot be named here; the response
  // is checked against the spec instead (test/support/spec-check.ts).
  const send = client[method.toUpperCase() as 'GET'] as unknown as (url: string, init: OperationCall) => Promise<OperationResult>;
  return send(path, call);
}
