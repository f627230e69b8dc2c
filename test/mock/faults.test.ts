// The mock's fault mode at the HTTP level: a seed fixes which requests fail and how, and each
// kind of fault reaches the client as it would from a real network: a 429 or 503 envelope, a
// gateway's HTML page, a dropped connection, a response held back, a body cut short. Faults that
// hit after handling leave the work done, which is what client retries must survive.
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { operationById, responseProblems } from '../support/bundle.js';
import { createFaultPlan, FAULT_KINDS, type FaultKind } from '../../mock/src/faults.mjs';
import { startWorld, expectNoViolations } from './world.js';

const world = await startWorld();
expectNoViolations(() => world);
let injected = 0;
afterEach(() => {
  injected += world.mock.faults()?.injected.length ?? 0;
  world.mock.setFaults(undefined);
});
afterAll(async () => {
  console.log(`fault cases injected over HTTP: ${injected}`);
  await world.mock.close();
});

const headers = { authorization: `Bearer ${world.keys.full}`, 'content-type': 'application/json' };
let handles = 0;
/** POST /agents with a fresh handle, so that any agent it creates is countable. */
const createAgent = (signal?: AbortSignal) =>
  fetch(`${world.mock.url}/agents`, {
    method: 'POST',
    headers,
    signal,
    body: JSON.stringify({ handle: `faulty${(handles += 1)}`, name: 'F', instructions: 'x' }),
  });
const agentCount = () => world.agents().length;
const createAgentOperation = operationById('createAgent');

/** How a faulted create ended: a response and its body text (or the error reading it), or a fetch error. */
interface Outcome {
  response?: Response;
  text?: string | Error;
  error?: Error;
  /** How many agents the request created. */
  created: number;
}

/** Runs createAgent with every request faulted by `kind`. */
async function createUnder(kind: FaultKind, options: { slowMs?: number; timeoutMs?: number } = {}): Promise<Outcome> {
  world.mock.setFaults({
    seed: 1,
    rate: 1,
    kinds: [kind],
    maxInARow: Infinity,
    slowMs: options.slowMs ?? 5_000,
    retryAfterSeconds: 3,
  });
  const before = agentCount();
  const outcome = await createAgent(
    options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs),
  ).then(
    async (response) => ({ response, text: await response.text().catch((error: Error) => error) }),
    (error: Error) => ({ error }),
  );
  return { ...outcome, created: agentCount() - before };
}

describe('fault mode of the mock', () => {
  test('the same seed injects the same faults in the same order; another seed does not', () => {
    const run = (seed: number) => {
      const plan = createFaultPlan({ seed, rate: 0.3 });
      for (let i = 0; i < 200; i += 1) plan.next('GET', '/connectors');
      return plan.injected.map((fault) => fault.kind);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    // At a rate of 0.3 over 200 requests, every kind shows up.
    expect(new Set(run(7))).toEqual(new Set(FAULT_KINDS));
  });

  test('rate 0 injects nothing, and maxInARow bounds a run of faults', () => {
    const none = createFaultPlan({ seed: 3, rate: 0 });
    const bounded = createFaultPlan({ seed: 3, rate: 1, maxInARow: 2 });
    const pattern = Array.from({ length: 9 }, () => [none.next('GET', '/'), bounded.next('GET', '/')]);
    expect(pattern.map(([clean]) => clean)).toEqual(Array(9).fill(undefined));
    expect(pattern.map(([, faulty]) => faulty !== undefined)).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  // The spec's error responses: the envelope and its headers (Retry-After on the 429 only).
  test.each([
    ['rate_limited', 429, 'rate_limited', '3'],
    ['unavailable', 503, 'service_unavailable', null],
  ] as const)('%s: %i %s as declared, before anything is created', async (kind, status, code, retryAfter) => {
    const { response, text, created } = await createUnder(kind);
    expect(response?.status).toBe(status);
    expect(response?.headers.get('retry-after')).toBe(retryAfter);
    expect(JSON.parse(String(text))).toMatchObject({ error: { code } });
    expect(
      responseProblems(createAgentOperation, {
        status,
        headers: response?.headers ?? new Headers(),
        bodyText: String(text),
      }),
    ).toEqual([]);
    expect(created).toBe(0);
  });

  test('not_json: a gateway answers 502 with an HTML page, before anything is created', async () => {
    const { response, text, created } = await createUnder('not_json');
    expect(response?.status).toBe(502);
    expect(response?.headers.get('content-type')).toBe('text/html');
    expect(() => JSON.parse(String(text))).toThrow(SyntaxError);
    expect(created).toBe(0);
  });

  test('drop: the connection closes without an answer, after the agent was created', async () => {
    const { error, created } = await createUnder('drop');
    expect(error).toBeInstanceOf(TypeError);
    expect(created).toBe(1);
  });

  test('slow: a client that stops waiting gets no answer, after the agent was created', async () => {
    const { error, created } = await createUnder('slow', { slowMs: 5_000, timeoutMs: 100 });
    expect(error?.name).toBe('TimeoutError');
    expect(created).toBe(1);
  });

  test('slow: a patient client gets the whole answer', async () => {
    const { response, text, created } = await createUnder('slow', { slowMs: 50 });
    expect(response?.status).toBe(201);
    expect(JSON.parse(String(text))).toMatchObject({ data: { tools_count: 0 } });
    expect(created).toBe(1);
  });

  test('truncated: status and full Content-Length arrive, the body is cut short, the agent exists', async () => {
    const { response, text, created } = await createUnder('truncated');
    expect(response?.status).toBe(201);
    expect(Number(response?.headers.get('content-length'))).toBeGreaterThan(0);
    expect(text).toBeInstanceOf(TypeError);
    expect(created).toBe(1);
  });
});
