// The mock's HTTP server on 127.0.0.1: a request goes through the concerns in the order the API
// applies them (injected faults, rate limit, authentication, route, scope, request checks,
// idempotency), then the engine, then the response check against the bundle (`validate`).
import { once } from 'node:events';
import { createServer } from 'node:http';
import { pathMatcher } from '../../scripts/lib/openapi.mjs';
import { realClock } from './clock.mjs';
import { createEngine } from './engine.mjs';
import { BEFORE_HANDLING, createFaultPlan } from './faults.mjs';
import { createIdempotencyStore, fingerprint } from './idempotency.mjs';
import { newRequestId } from './ids.mjs';
import { createKeyRing } from './keys.mjs';
import { mockOperations } from './model.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { checkRequest } from './request.mjs';
import { apiHeaders, send, sendGatewayPage } from './respond.mjs';
import { RULES } from './rules/index.mjs';
import { createSchemas } from './schemas.mjs';
import { createStore } from './store.mjs';
import { checkWorld, loadWorld, seedWorld } from './world.mjs';

/**
 * @typedef {object} MockOptions
 * @property {any} bundle the bundled spec (parsed JSON)
 * @property {number} [port] 0 (a free port) by default
 * @property {number} [seed] the world's seed, 1 by default
 * @property {import('./world.mjs').World} [world] a world to start from instead of the seeded one
 * @property {{ now(): number }} [clock] the real clock by default
 * @property {import('./faults.mjs').FaultOptions} [faults]
 * @property {number} [latency] milliseconds added before each answer
 * @property {boolean} [validate] check every response against the bundle (violations are kept and logged)
 * @property {readonly import('./rate-limit.mjs').RateLimitWindow[]} [windows] rate-limit windows
 * @property {(line: string) => void} [log] one line per request (method, path, status, ms, request ID)
 * @property {{ connectors?: number, perResource?: number }} [size] the seeded world's size
 */

/**
 * Starts the mock; resolves once it listens.
 * @param {MockOptions} options
 */
export async function startMockServer(options) {
  const { bundle } = options;
  const clock = options.clock ?? realClock;
  const operations = mockOperations(bundle);
  const byOperation = new Map(operations.map((op) => [op.source, op]));
  const match = pathMatcher(bundle);
  const schemas = createSchemas(bundle);
  const store = createStore();
  const seed = options.seed ?? 1;
  const initial = options.world ?? seedWorld(operations, { seed, ...options.size });
  if (options.world) {
    const problems = checkWorld(operations, schemas, options.world);
    if (problems.length > 0)
      throw new Error(`world: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  }
  loadWorld(store, operations, initial);
  const engine = createEngine({ bundle, operations, store, rules: RULES, clock });
  const keyRing = createKeyRing(seed);
  const allScopes = [...new Set(operations.map((op) => op.scope).filter((scope) => typeof scope === 'string'))].sort();
  const [firstOrg = 'org_a', secondOrg = 'org_b'] = Object.keys(initial.orgs);
  const keys = {
    full: keyRing.issue(firstOrg, allScopes, 'full').token,
    readOnly: keyRing.issue(
      firstOrg,
      allScopes.filter((scope) => scope.endsWith(':read')),
      'readOnly',
    ).token,
    otherOrg: keyRing.issue(secondOrg, allScopes, 'otherOrg').token,
  };
  const limiter = createRateLimiter(clock, options.windows);
  const idempotency = createIdempotencyStore(clock);
  let plan = options.faults ? createFaultPlan(options.faults) : undefined;
  const basePath = new URL(bundle.servers?.[0]?.url ?? 'http://x/').pathname.replace(/\/+$/, '');
  /** @type {{ operationId: string, status: number, problem: string }[]} */
  const violations = [];
  let requests = 0;

  const server = createServer((incoming, response) => {
    requests += 1;
    const started = performance.now();
    /** @type {Buffer[]} */
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('error', () => response.socket?.destroy());
    incoming.on('end', () => {
      const answer = respond(incoming, Buffer.concat(chunks).toString('utf8'));
      if (answer.gateway) sendGatewayPage(response);
      else send(response, answer.status, answer.headers, answer.body, answer.fault, answer.delayMs);
      const status = answer.gateway ? 502 : answer.status;
      const ms = Math.round(performance.now() - started);
      options.log?.(`${incoming.method} ${incoming.url} ${status} ${ms}ms ${answer.requestId}`);
    });
  });

  /**
   * @param {import('node:http').IncomingMessage} incoming
   * @param {string} bodyText
   */
  function respond(incoming, bodyText) {
    const url = new URL(incoming.url ?? '/', 'http://mock');
    const method = incoming.method ?? 'GET';
    // Both the server URL's path (`/api/v1/connectors`) and the bare path (`/connectors`, as Prism
    // proxies it) name the operation.
    const path =
      basePath && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))
        ? url.pathname.slice(basePath.length) || '/'
        : url.pathname;
    const requestId = newRequestId();
    const delayMs = options.latency ?? 0;
    const fault = plan?.next(method, path);
    const key = keyRing.authenticate(/** @type {string | undefined} */ (incoming.headers.authorization));
    const bucket = key?.token ?? 'without a valid key';
    /** @param {import('./engine.mjs').Handled} handled @param {any} limit */
    const answer = (handled, limit) => ({
      status: handled.status,
      body: handled.body,
      headers: {
        ...apiHeaders(handled.body?.meta?.request_id ?? handled.body?.error?.request_id ?? requestId, limit),
        ...handled.headers,
      },
      fault,
      delayMs: fault === 'slow' ? (plan?.options.slowMs ?? 0) : delayMs,
      requestId,
      gateway: false,
    });
    if (fault && BEFORE_HANDLING.has(fault)) {
      // Injected before the API sees the request: nothing is counted or run.
      if (fault === 'not_json') return { ...answer({ status: 502 }, undefined), gateway: true };
      const limit = limiter.peek(bucket);
      const failure =
        fault === 'rate_limited'
          ? engine.fail({ requestId }, 429, 'rate_limited', 'Rate limit exceeded.')
          : engine.fail(
              { requestId },
              503,
              'service_unavailable',
              'The service is temporarily unavailable. Please retry.',
            );
      const headers = fault === 'rate_limited' ? { 'retry-after': String(plan?.options.retryAfterSeconds ?? 0) } : {};
      return answer({ ...failure, headers }, limit);
    }

    const found = match(method, path);
    const op = found ? byOperation.get(found.operation) : undefined;
    // An operation without security (`GET /`) is still rate limited: the spec declares its 429 and
    // its X-RateLimit-* headers. Callers without a valid key share one bucket.
    const limit = limiter.hit(bucket);
    /** @type {import('./engine.mjs').Handled} */
    let handled;
    if (!limit.allowed)
      handled = engine.fail(
        { requestId },
        429,
        'rate_limited',
        `Rate limit exceeded. Retry in ${limit.retryAfter} seconds.`,
      );
    else if (op && !op.needsAuth) handled = handle(op, found?.params ?? {}, url, incoming, bodyText, requestId, key);
    else if (!key) handled = engine.fail({ requestId }, 401, 'unauthorized', 'Missing or invalid API key.');
    else if (!op) handled = engine.fail({ requestId }, 404, 'not_found', `No route ${method} ${path}.`);
    else if (op.scope && !key.scopes.includes(op.scope))
      handled = engine.fail({ requestId }, 403, 'insufficient_scope', `This API key lacks the ${op.scope} scope.`);
    else handled = handle(op, found?.params ?? {}, url, incoming, bodyText, requestId, key);
    return answer(handled, limit);
  }

  /**
   * Checks the request, applies idempotency, runs the engine and checks the response.
   * @param {import('./model.mjs').MockOperation} op
   * @param {Record<string, string>} params
   * @param {URL} url
   * @param {import('node:http').IncomingMessage} incoming
   * @param {string} bodyText
   * @param {string} requestId
   * @param {import('./keys.mjs').ApiKey | undefined} key
   * @returns {import('./engine.mjs').Handled}
   */
  function handle(op, params, url, incoming, bodyText, requestId, key) {
    const checked = checkRequest(op, schemas, { params, query: url.searchParams, headers: incoming.headers, bodyText });
    if (!checked.ok)
      return check(
        op,
        engine.fail(
          { requestId },
          checked.status,
          checked.status === 400 ? 'invalid_json' : 'validation_failed',
          checked.message,
        ),
      );
    const ctx = { op, orgId: key?.orgId ?? '', requestId, request: checked.value, engine };
    const idempotencyKey =
      op.method === 'POST' || op.method === 'PATCH' ? checked.value.header['Idempotency-Key'] : undefined;
    if (idempotencyKey === undefined || !key) return check(op, engine.handle(ctx));
    const print = fingerprint(op.method, url.pathname.replace(/^\/api\/v1/, ''), checked.value.body);
    const decision = idempotency.decide(key.token, idempotencyKey, print);
    // The stored response comes back with the first request's request_id, and X-Request-ID
    // repeats it so that header and body agree.
    if (decision.kind === 'replay') return check(op, structuredClone(decision.response));
    if (decision.kind === 'conflict')
      return check(
        op,
        engine.fail(
          ctx,
          409,
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request body.',
        ),
      );
    const handled = check(op, engine.handle(ctx));
    if (handled.status < 500) idempotency.save(key.token, idempotencyKey, print, structuredClone(handled));
    return handled;
  }

  /**
   * With `validate`, checks a response against the spec; a violation is logged and kept.
   * @param {import('./model.mjs').MockOperation} op
   * @param {import('./engine.mjs').Handled} handled
   */
  function check(op, handled) {
    if (!options.validate) return handled;
    const schema = op.responseSchemas[String(handled.status)];
    const declared = Object.hasOwn(op.source.operation.responses ?? {}, String(handled.status));
    let problem;
    if (!declared) problem = `status ${handled.status} is not declared`;
    else if (schema) problem = schemas.compile(schema, 'response')(handled.body);
    else if (handled.body !== undefined) problem = 'a body where the spec declares none';
    if (problem) {
      violations.push({ operationId: op.operationId, status: handled.status, problem });
      options.log?.(`spec violation: ${op.operationId} ${handled.status}: ${problem}`);
    }
    return handled;
  }

  server.listen(options.port ?? 0, '127.0.0.1');
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => {
      throw error;
    }),
  ]);
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    /** The API's base URL on the mock (`http://127.0.0.1:4010/api/v1`). */
    url: `${origin}${basePath}`,
    origin,
    keys,
    /** The live world (the store). */
    world: store,
    engine,
    operations,
    violations,
    /** Issues another key. @param {string} orgId @param {readonly string[]} scopes */
    issueKey: (orgId, scopes) => keyRing.issue(orgId, scopes).token,
    /**
     * Turns the fault mode on with these options (a fresh plan), or off.
     * @param {import('./faults.mjs').FaultOptions | undefined} faults
     */
    setFaults(faults) {
      plan = faults ? createFaultPlan(faults) : undefined;
    },
    faults: () => plan,
    requestCount: () => requests,
    /** Back to the initial world: records, idempotency keys, rate-limit counts and violations. */
    reset() {
      loadWorld(store, operations, initial);
      idempotency.reset();
      limiter.reset();
      violations.length = 0;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startMockServer>>} MockServer */
