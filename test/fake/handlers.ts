// The three operations of the fake, each from a checked request to a status and a body of the
// generated schema types.
import type {
  AgentEnvelope,
  ConnectorDetailEnvelope,
  ConnectorList,
  ErrorCode,
  ErrorEnvelope,
} from '../../generated/schema.js';
import { fingerprint, type IdempotencyStore, type StoredResponse } from './idempotency.js';
import type { ApiKey } from './keys.js';
import type { Store } from './store.js';
import { checkAgentBody, checkConnectorId, checkCursor, checkIdempotencyKey, checkLimit } from './validate.js';

/** One request as the handlers see it, once authenticated and authorised. */
export interface HandlerRequest {
  key: ApiKey;
  requestId: string;
  method: string;
  path: string;
  query: URLSearchParams;
  /** The path's `{id}`, when the route has one. */
  id?: string;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

/** A handler's answer. `requestId` is set when a stored response is replayed with its own ID. */
export interface Handled {
  status: number;
  body: ConnectorList | ConnectorDetailEnvelope | AgentEnvelope | ErrorEnvelope;
  requestId?: string;
}

/** What the handlers work on. */
export interface HandlerDeps {
  store: Store;
  idempotency: IdempotencyStore;
}

/** The error envelope with this request's ID. */
export function errorEnvelope(
  request: Pick<HandlerRequest, 'requestId'>,
  code: ErrorCode,
  message: string,
): ErrorEnvelope {
  return { error: { code, message, request_id: request.requestId } };
}

/** An error answer: the status and the error envelope. */
export function apiError(
  request: Pick<HandlerRequest, 'requestId'>,
  status: number,
  code: ErrorCode,
  message: string,
): Handled {
  return { status, body: errorEnvelope(request, code, message) };
}

/** GET /connectors: one page, newest first. */
export function listConnectors(request: HandlerRequest, { store }: HandlerDeps): Handled {
  const limit = checkLimit(request.query.get('limit'));
  const cursor = checkCursor(request.query.get('cursor'));
  if (!limit.ok) return apiError(request, 422, 'validation_failed', limit.message);
  if (!cursor.ok) return apiError(request, 422, 'validation_failed', cursor.message);
  const page = store.listConnectors(request.key.orgId, cursor.value, limit.value);
  const body: ConnectorList = {
    data: page.items,
    // The cursor is the last item seen, as the docs describe it; clients must treat it as opaque.
    meta: {
      request_id: request.requestId,
      next_cursor: page.nextAfterHex === null ? null : `connector_${page.nextAfterHex}`,
    },
  };
  return { status: 200, body };
}

/** GET /connectors/{id}: one connector of the key's org; another org's is as unknown as a missing one. */
export function getConnector(request: HandlerRequest, { store }: HandlerDeps): Handled {
  const id = checkConnectorId(request.id ?? '');
  if (!id.ok) return apiError(request, 422, 'validation_failed', id.message);
  const connector = store.getConnector(request.key.orgId, id.value);
  if (!connector) return apiError(request, 404, 'not_found', 'Connector not found.');
  const body: ConnectorDetailEnvelope = { data: connector, meta: { request_id: request.requestId } };
  return { status: 200, body };
}

/** POST /agents: creates an agent once per Idempotency-Key and body. */
export function createAgent(request: HandlerRequest, { store, idempotency }: HandlerDeps): Handled {
  const rawKey = request.headers['idempotency-key'];
  const key = checkIdempotencyKey(Array.isArray(rawKey) ? rawKey.join(', ') : rawKey);
  const body = checkAgentBody(request.bodyText);
  if (!key.ok) return apiError(request, 422, 'validation_failed', key.message);
  if (!body.ok) return apiError(request, 422, 'validation_failed', body.message);

  const print = fingerprint(request.method, request.path, body.value);
  if (key.value !== undefined) {
    const decision = idempotency.decide(request.key.token, key.value, print);
    // The docs say the cached response comes back: its body keeps the first request's request_id,
    // and X-Request-ID repeats it so that header and body still agree.
    if (decision.kind === 'replay') return { ...decision.response };
    if (decision.kind === 'conflict')
      return apiError(
        request,
        409,
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request body.',
      );
  }
  const agent = store.createAgent(request.key.orgId, body.value);
  const handled: StoredResponse =
    agent === 'handle_taken'
      ? {
          status: 409,
          body: errorEnvelope(request, 'agent_handle_taken', `Agent with handle @${body.value.handle} already exists`),
          requestId: request.requestId,
        }
      : { status: 201, body: { data: agent, meta: { request_id: request.requestId } }, requestId: request.requestId };
  if (key.value !== undefined) idempotency.save(request.key.token, key.value, print, handled);
  return handled;
}
