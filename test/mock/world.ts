// The mock (mock/, the same server `npm run mock` and @macha/api-mock run) started for a test file:
// a seeded world of `connectors` connectors in org A (oldest first) and one in org B, keys of each
// scope combination, a hand-moved clock, and response validation on. Every response that breaks
// the spec fails the file (see expectNoViolations, called after each test).
import { afterEach, expect } from 'vitest';
import { TOOLS_BY_TYPE } from '../../mock/src/catalogue.mjs';
import { manualClock, mockOperations, startMockServer } from '../../mock/src/index.mjs';
import type { ConnectorDetail } from '../../generated/schema.js';
import { bundle, bundleOperations } from '../support/bundle.js';

/** A rate-limit window: at most `limit` requests in any `windowMs`. */
export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

/** The running mock as tests drive it. */
export type Mock = Awaited<ReturnType<typeof startMockServer>>;

/** A started mock and its fixtures. */
export interface World {
  mock: Mock;
  clock: ReturnType<typeof manualClock>;
  /** Org A's connectors, oldest first. */
  connectors: ConnectorDetail[];
  /** Org B's one connector. */
  otherOrgConnector: ConnectorDetail;
  /** Tokens: every scope on org A, read scopes on org A, agents:write only on org A, every scope on org B. */
  keys: { full: string; readOnly: string; writeOnly: string; otherOrg: string };
  /** Adds a connector to org A now, as if connected in the dashboard; returns it. */
  addConnector(): ConnectorDetail;
  /** Org A's agents, oldest first. */
  agents(): Array<Record<string, unknown>>;
}

/** Rate-limit windows no test run reaches, for suites that are not about rate limits. */
export const UNLIMITED = [{ limit: 1_000_000, windowMs: 60_000 }];

/** Starts a mock on the bundle with response validation on; the caller closes it. */
export async function startWorld(
  options: { connectors?: number; windows?: RateLimitWindow[]; port?: number } = {},
): Promise<World> {
  const clock = manualClock();
  const mock = await startMockServer({
    bundle,
    clock,
    port: options.port,
    windows: options.windows,
    validate: true,
    size: { connectors: options.connectors ?? 3 },
  });
  const connectorsOf = (orgId: string) =>
    mock.world.items(orgId, 'connectors').map((item) => item.data as ConnectorDetail);
  let added = 0;
  return {
    mock,
    clock,
    connectors: connectorsOf('org_a'),
    otherOrgConnector: connectorsOf('org_b')[0] as ConnectorDetail,
    keys: {
      full: mock.keys.full,
      readOnly: mock.keys.readOnly,
      writeOnly: mock.issueKey('org_a', ['agents:write']),
      otherOrg: mock.keys.otherOrg,
    },
    addConnector() {
      added += 1;
      clock.advance(1_000);
      const at = mock.engine.timestamp();
      const data: ConnectorDetail = {
        id: mock.engine.newId('connectors'),
        type: 'slack',
        name: `Added ${added}`,
        status: 'connected',
        status_reason: null,
        is_active: true,
        created_at: at,
        updated_at: at,
        tools: structuredClone(TOOLS_BY_TYPE.slack ?? []) as ConnectorDetail['tools'],
      };
      mock.world.insert('org_a', 'connectors', data);
      return data;
    },
    agents: () => mock.world.items('org_a', 'agents').map((item) => item.data),
  };
}

/** After each test of the file: the mock sent nothing the spec does not allow. */
export function expectNoViolations(world: () => World | undefined): void {
  afterEach(() => {
    const mock = world()?.mock;
    if (!mock) return;
    const found = [...mock.violations];
    mock.violations.length = 0;
    expect(found, 'responses of the mock that break the spec').toEqual([]);
  });
}

/** Every scope the spec's operations need. */
export const ALL_SCOPES = [
  // `GET /` needs no key and names no scope.
  ...new Set(bundleOperations().flatMap((operation) => operation.requiredScope ?? [])),
].sort();

/**
 * Path parameters that name records of org A for an operation: its resource's newest record (its
 * parent's, for a nested list; the `<resource>_id` one, for an example-only operation).
 */
export function pathParams(mock: Mock, operationId: string): Record<string, string> {
  const op = mockOperations(bundle).find((candidate) => candidate.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId} in the bundle`);
  const newest = (resource: string) => String(mock.world.items('org_a', resource).at(-1)?.data.id);
  return Object.fromEntries(
    [...op.path.matchAll(/\{([^}]+)\}/g)].map(([, name = '']) => {
      const own = op.kind === 'list' ? op.parent : op.resource;
      return [name, newest(own && op.kind !== 'example' ? own : `${name.replace(/_id$/, '')}s`)];
    }),
  );
}
