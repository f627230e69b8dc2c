// Client-level tests of @macha/api-client (src/, issue #3): the resource methods over the whole
// operation x status matrix on the Prism mock, and retries, pagination and errors against the mock
// with its fault mode on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { AgentCreate } from '../../generated/schema.js';
import { operationTable } from '../../generated/operations.js';
import { createMachaClient, MachaError, type MachaClient } from '../../src/index.js';
import { FAULT_KINDS, type FaultKind } from '../../mock/src/faults.mjs';
import { expectNoViolations, startWorld, UNLIMITED, type World } from '../mock/world.js';

/** What setFaults takes. */
type FaultOptions = NonNullable<Parameters<World['mock']['setFaults']>[0]>;
import type { OperationCall } from './client.js';
import { matrixCases } from './matrix.js';
import { apiTarget, type ApiTarget } from './target.js';

/**
 * The client's resource method for an operation, as the client's own operation table names it
 * (`macha.<resource>.<action>`), called with the path values in order, then the body, then the
 * query, then call options; undefined when the table has no entry for it.
 */
function clientMethod(
  operationId: string,
): ((client: MachaClient, call: OperationCall) => Promise<unknown>) | undefined {
  const entry = (operationTable as Record<string, OperationEntry | undefined>)[operationId];
  if (!entry) return undefined;
  return (client, call) => {
    const resource = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[
      entry.resource
    ];
    const method = resource?.[entry.action];
    if (!method) throw new Error(`the client has no ${entry.resource}.${entry.action} for ${operationId}`);
    const args: unknown[] = entry.pathParams.map(({ name }) => String(call.params?.path?.[name]));
    if (entry.body) args.push(call.body);
    if (entry.query.length > 0) args.push(call.params?.query);
    args.push({ idempotencyKey: call.params?.header?.['Idempotency-Key'] });
    return method(...args);
  };
}

/** What the calls use of an operation table entry. */
interface OperationEntry {
  resource: string;
  action: string;
  pathParams: readonly { name: string }[];
  body: boolean;
  query: readonly string[];
}

/** Resolves with the MachaError a promise rejects with (and fails if it resolves or rejects otherwise). */
async function machaError(promise: Promise<unknown>): Promise<MachaError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MachaError);
  return error as MachaError;
}

// Setup runs in hooks, not in the describe bodies, so that nothing starts while tests are only collected.
describe('@macha/api-client against the Prism mock: the matrix through the resource methods', () => {
  let target: ApiTarget;
  // Prism may take a minute to start on a loaded machine (apiTarget waits for it).
  beforeAll(async () => {
    target = await apiTarget();
  }, 120_000);
  const cases = matrixCases();

  test
    .runIf(inject('apiTarget').kind === 'prism')
    .each(
      cases.map(
        (matrixCase) => [`${matrixCase.operationId}: ${matrixCase.status} ${matrixCase.example}`, matrixCase] as const,
      ),
    )('%s lands in the right branch', async (_name, { operationId, status, example, expected, call }) => {
    let received: Response | undefined;
    const prefer = async (request: Request) => {
      const steered = new Request(request);
      steered.headers.set('Prefer', `code=${status}, example=${example}`);
      received = await fetch(steered);
      return received;
    };
    const client = createMachaClient({ apiKey: target.apiKey, baseUrl: target.baseUrl, fetch: prefer, maxRetries: 0 });
    const method = clientMethod(operationId);
    expect(method, `the client has no method for ${operationId}`).toBeDefined();
    if (!method) return;
    if (status.startsWith('2')) {
      expect(await method(client, call)).toEqual(expected);
      return;
    }
    const documented = (expected as { error: { code: string; request_id: string } }).error;
    const error = await machaError(method(client, call));
    // The client takes the request ID from X-Request-ID first (Prism's mock sends its schema
    // example there, not the body's), and from the envelope when the header is missing.
    const requestId = received?.headers.get('x-request-id') ?? documented.request_id;
    expect({ status: error.status, code: error.code, requestId: error.requestId }).toEqual({
      status: Number(status),
      code: documented.code,
      requestId,
    });
  });
});

describe('@macha/api-client against the mock with faults', () => {
  let world: World;
  /** Every fault the mocks injected, for the summary printed after the suite. */
  const injected: FaultKind[] = [];
  beforeAll(async () => {
    world = await startWorld({ connectors: 1_000, windows: UNLIMITED });
  });
  expectNoViolations(() => world);
  afterAll(async () => {
    const byKind = FAULT_KINDS.map((kind) => `${kind} ${injected.filter((seen) => seen === kind).length}`).join(', ');
    console.log(`client-level fault cases injected: ${injected.length} (${byKind})`);
    await world.mock.close();
  });
  /** A client of the mock in `target` (the suite's shared one unless given). */
  const clientFor = (
    apiKey: string,
    options: { maxRetries?: number; timeoutMs?: number } = {},
    target: World = world,
  ) =>
    createMachaClient({
      apiKey,
      baseUrl: target.mock.url,
      maxRetries: options.maxRetries ?? 3,
      timeoutMs: options.timeoutMs ?? 500,
    });
  /** Runs body with faults on, then turns them off and counts what was injected. */
  const withFaults = async <T>(
    target: World,
    options: FaultOptions,
    body: () => Promise<T>,
  ): Promise<{ result: T; kinds: FaultKind[] }> => {
    // Slow answers come well after the client's timeout, so they always time out.
    target.mock.setFaults({ slowMs: 3_000, ...options });
    try {
      const result = await body();
      const kinds = target.mock.faults()?.injected.map((fault) => fault.kind) ?? [];
      injected.push(...kinds);
      return { result, kinds };
    } finally {
      target.mock.setFaults(undefined);
    }
  };
  /**
   * Runs one seed's scenario on a mock of its own. The seeds run side by side: most of their time
   * is the client waiting out backoffs and timeouts, and each mock's fault plan is its own.
   */
  const inOwnWorld = async <T>(connectors: number, run: (own: World) => Promise<T>): Promise<T> => {
    const own = await startWorld({ connectors, windows: UNLIMITED });
    try {
      return await run(own);
    } finally {
      await own.mock.close();
    }
  };

  test('connectors.listAll: 1,000 connectors through every kind of fault, each once, newest first', async () => {
    const runs = await Promise.all(
      [11, 12, 13].map((seed) =>
        inOwnWorld(1_000, async (own) => {
          const existing = own.connectors.map((connector) => connector.id);
          const client = clientFor(own.keys.full, {}, own);
          const expected = [...existing].reverse();
          const { result, kinds } = await withFaults(own, { seed, rate: 0.4 }, async () => {
            const ids: string[] = [];
            for await (const connector of client.connectors.listAll({ limit: 100 })) {
              ids.push(connector.id);
              // Connectors added mid-scan are newer than the cursor, so the scan must not return them.
              if (ids.length === 150) existing.push(own.addConnector().id);
            }
            return ids;
          });
          return { seed, result, expected, kinds };
        }),
      ),
    );
    for (const { seed, result, expected } of runs) expect(result, `seed ${seed}`).toEqual(expected);
    const seen = new Set(runs.flatMap((run) => run.kinds));
    expect([...seen].sort()).toEqual([...FAULT_KINDS].sort());
  });

  test('agents.create: retried through faults with an Idempotency-Key, creates exactly one agent', async () => {
    const runs = await Promise.all(
      [21, 22, 23, 24, 25, 26].map((seed) =>
        inOwnWorld(1, async (own) => {
          const client = clientFor(own.keys.full, {}, own);
          const before = own.agents().length;
          const body: AgentCreate = { handle: `retried${seed}`, name: 'Retried', instructions: 'Survive faults.' };
          const { result, kinds } = await withFaults(own, { seed, rate: 0.7 }, () =>
            client.agents.create(body, { idempotencyKey: randomUUID() }),
          );
          return { seed, result, kinds, before, agents: own.agents() };
        }),
      ),
    );
    for (const { seed, result, kinds, before, agents } of runs) {
      expect(kinds.length, `seed ${seed} injected no fault`).toBeGreaterThan(0);
      expect(agents, `seed ${seed}`).toHaveLength(before + 1);
      expect(result.data, `seed ${seed}`).toEqual(agents.at(-1));
    }
  });

  const surfaced: Array<[FaultKind, { status: number; code: string; retryAfter?: number }]> = [
    ['rate_limited', { status: 429, code: 'rate_limited', retryAfter: 3 }],
    ['unavailable', { status: 503, code: 'service_unavailable' }],
    ['not_json', { status: 502, code: 'invalid_response' }],
    ['drop', { status: 0, code: 'network_error' }],
    ['slow', { status: 0, code: 'timeout' }],
    // A body cut short fails while reading, like a dropped connection.
    ['truncated', { status: 0, code: 'network_error' }],
  ];
  test.each(
    surfaced.map(([kind, expected]) => [kind, `${expected.status} ${expected.code}`, kind, expected] as const),
  )('connectors.list: without retries, a %s fault surfaces as MachaError %s', async (_kind, _name, kind, expected) => {
    // Only the slow fault may time out; the others get all the time a loaded machine needs.
    const client = clientFor(world.keys.full, { maxRetries: 0, timeoutMs: kind === 'slow' ? 500 : 10_000 });
    const { result } = await withFaults(world, { seed: 1, rate: 1, kinds: [kind], retryAfterSeconds: 3 }, () =>
      machaError(client.connectors.list()),
    );
    expect(result).toMatchObject(expected);
  });

  test('agents.create: without agents:write, MachaError 403 insufficient_scope with request ID, no retry', async () => {
    const before = world.mock.requestCount();
    const error = await machaError(
      clientFor(world.keys.readOnly).agents.create({ handle: 'noScope', name: 'x', instructions: 'x' }),
    );
    expect(error).toMatchObject({ status: 403, code: 'insufficient_scope', requestId: expect.stringMatching(/^req_/) });
    expect(world.mock.requestCount()).toBe(before + 1);
  });

  test('connectors.list: a key without connectors:read gets MachaError 403 insufficient_scope', async () => {
    expect(await machaError(clientFor(world.keys.writeOnly).connectors.list())).toMatchObject({
      status: 403,
      code: 'insufficient_scope',
    });
  });

  test("connectors.retrieve: another org's connector gets MachaError 404 not_found, like an unknown one", async () => {
    const client = clientFor(world.keys.full);
    expect(await machaError(client.connectors.retrieve(world.otherOrgConnector.id))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(await machaError(client.connectors.retrieve('connector_000000000000000000000000'))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  test('agents.create: one Idempotency-Key with another body gets MachaError 409 idempotency_key_reused', async () => {
    const client = clientFor(world.keys.full);
    const idempotencyKey = randomUUID();
    await client.agents.create({ handle: 'firstBody', name: 'x', instructions: 'x' }, { idempotencyKey });
    expect(
      await machaError(client.agents.create({ handle: 'otherBody', name: 'x', instructions: 'x' }, { idempotencyKey })),
    ).toMatchObject({ status: 409, code: 'idempotency_key_reused' });
  });
});
