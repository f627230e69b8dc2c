// A stateful fake of the Macha API v1 on 127.0.0.1: listConnectors, getConnector and createAgent
// with their documented semantics (cursor pages, scopes, org isolation, idempotency, rate limits),
// plus a seeded fault mode. Each concern lives in its own module; this one wires a request through
// them in the order the API applies them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { operationById } from '../support/bundle.js';
import { manualClock, type Clock } from './clock.js';
import { BEFORE_HANDLING, createFaultPlan, type FaultOptions, type FaultPlan } from './faults.js';
import {
  apiError,
  createAgent,
  getConnector,
  listConnectors,
  type Handled,
  type HandlerDeps,
  type HandlerRequest,
} from './handlers.js';
import { createIdempotencyStore } from './idempotency.js';
import { newRequestId } from './ids.js';
import { createKeyRing, type KeyRing } from './keys.js';
import { createRateLimiter, type RateLimitWindow } from './rate-limit.js';
import { apiHeaders, send, sendGatewayPage } from './respond.js';
import { createStore, type Store } from './store.js';

/** How to start the fake. */
export interface FakeOptions {
  clock?: Clock;
  /** Rate-limit windows (the documented 1,000/min and 10,000/h by default). */
  windows?: readonly RateLimitWindow[];
  faults?: FaultOptions;
  /** The port to listen on (a free one by default). */
  port?: number;
}

/** A running fake. */
export interface FakeMacha {
  baseUrl: string;
  store: Store;
  keys: KeyRing;
  clock: Clock;
  /** Turns the fault mode on with these options (a fresh plan from their seed), or off. */
  setFaults(options: FaultOptions | undefined): void;
  /** The current fault plan, with the faults it injected so far. */
  faults(): FaultPlan | undefined;
  /** How many requests reached the fake. */
  requestCount(): number;
  close(): Promise<void>;
}

type Handler = (request: HandlerRequest, deps: HandlerDeps) => Handled;

// Each route's scope is the spec's x-required-scope of its operation.
const ROUTES = (
  [
    ['GET', /^\/connectors$/, 'listConnectors', listConnectors],
    ['GET', /^\/connectors\/([^/]+)$/, 'getConnector', getConnector],
    ['POST', /^\/agents$/, 'createAgent', createAgent],
  ] as const
).map(([method, pattern, operationId, handle]) => ({
  method,
  pattern,
  handle: handle as Handler,
  scope: operationById(operationId).requiredScope,
}));

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFake(options: FakeOptions = {}): Promise<FakeMacha> {
  const clock = options.clock ?? manualClock();
  const store = createStore(clock);
  const keys = createKeyRing();
  const limiter = createRateLimiter(clock, options.windows);
  const deps: HandlerDeps = { store, idempotency: createIdempotencyStore(clock) };
  let plan = options.faults ? createFaultPlan(options.faults) : undefined;
  let requests = 0;

  const server = createServer((incoming, response) => {
    requests += 1;
    readBody(incoming).then(
      (bodyText) => respond(incoming, response, bodyText),
      () => response.socket?.destroy(),
    );
  });

  function respond(incoming: IncomingMessage, response: ServerResponse, bodyText: string): void {
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const method = incoming.method ?? 'GET';
    const fault = plan?.next(method, url.pathname);
    const key = keys.authenticate(incoming.headers.authorization);
    const bucket = key?.token ?? 'without a valid key';
    const requestId = newRequestId();

    if (fault && BEFORE_HANDLING.has(fault)) {
      // Injected before the API sees the request: nothing is counted or run.
      if (fault === 'not_json') {
        sendGatewayPage(response);
        return;
      }
      const limit = limiter.peek(bucket);
      const retryAfter: Record<string, string> =
        fault === 'rate_limited' ? { 'retry-after': String(plan?.options.retryAfterSeconds ?? 0) } : {};
      const failure =
        fault === 'rate_limited'
          ? apiError({ requestId }, 429, 'rate_limited', 'Rate limit exceeded.')
          : apiError(
              { requestId },
              503,
              'service_unavailable',
              'The service is temporarily unavailable. Please retry.',
            );
      send(response, failure.status, { ...apiHeaders(requestId, limit), ...retryAfter }, failure.body, undefined, 0);
      return;
    }

    const limit = limiter.hit(bucket);
    let handled: Handled;
    if (!limit.allowed)
      handled = apiError(
        { requestId },
        429,
        'rate_limited',
        `Rate limit exceeded. Retry in ${limit.retryAfter} seconds.`,
      );
    else if (!key) handled = apiError({ requestId }, 401, 'unauthorized', 'Missing or invalid API key.');
    else {
      const route = ROUTES.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
      if (!route) handled = apiError({ requestId }, 404, 'not_found', `No route ${method} ${url.pathname}.`);
      else if (!key.scopes.includes(route.scope))
        handled = apiError({ requestId }, 403, 'insufficient_scope', `This API key lacks the ${route.scope} scope.`);
      else {
        const id = route.pattern.exec(url.pathname)?.[1];
        handled = route.handle(
          {
            key,
            requestId,
            method,
            path: url.pathname,
            query: url.searchParams,
            id,
            headers: incoming.headers,
            bodyText,
          },
          deps,
        );
      }
    }
    send(
      response,
      handled.status,
      apiHeaders(handled.requestId ?? requestId, limit),
      handled.body,
      fault,
      plan?.options.slowMs ?? 0,
    );
  }

  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    keys,
    clock,
    setFaults(faultOptions) {
      plan = faultOptions ? createFaultPlan(faultOptions) : undefined;
    },
    faults: () => plan,
    requestCount: () => requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** The request body as text. */
async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
