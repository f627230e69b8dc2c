// Declarations of @macha/api-mock (hand-written: the mock's source is JavaScript with JSDoc).

/** A clock in epoch milliseconds; the mock uses the real one unless given another. */
export interface MockClock {
  now(): number;
}

/** A clock that only moves when told to (for tests of rate limits, idempotency expiry, sync). */
export interface ManualClock extends MockClock {
  advance(ms: number): void;
}

/** The kinds of fault the mock can inject. */
export type FaultKind = 'rate_limited' | 'unavailable' | 'not_json' | 'drop' | 'slow' | 'truncated';

/** Fault injection, the same on every run with the same seed. */
export interface FaultOptions {
  /** The share of requests that get a fault, 0 to 1. */
  rate: number;
  seed?: number;
  kinds?: readonly FaultKind[];
  /** At most this many faulty requests in a row (2 by default). */
  maxInARow?: number;
  /** How long a `slow` answer is held back, in ms (2,000 by default). */
  slowMs?: number;
  /** The Retry-After of an injected 429, in seconds (0 by default). */
  retryAfterSeconds?: number;
}

/** A world: per org ID, records of each resource in the shape the API returns them. */
export interface MockWorld {
  orgs: Record<string, Record<string, unknown>>;
}

/** How to start the mock. */
export interface MockServerOptions {
  /** The port on 127.0.0.1; a free one by default. */
  port?: number;
  /** The seed of the generated world and keys (1 by default). */
  seed?: number;
  /** A world to start from instead of the generated one; checked against the spec's schemas. */
  world?: MockWorld;
  clock?: MockClock;
  faults?: FaultOptions;
  /** Milliseconds added before each answer. */
  latency?: number;
  /** Check every response against the spec; violations are kept in `violations` (on by default). */
  validate?: boolean;
  /** Called with one line per request: method, path, status, ms, request ID. */
  log?: (line: string) => void;
}

/** A record of the live world. */
export interface MockRecord {
  data: Record<string, unknown>;
}

/** The live world of a running mock. */
export interface LiveWorld {
  /** The org IDs that hold anything. */
  orgIds(): string[];
  /** The org's records of a resource (`connectors`, `agents`…), oldest first. */
  items(orgId: string, resource: string): readonly MockRecord[];
}

/** A running mock. */
export interface MockServer {
  /** The API's base URL on the mock, `http://127.0.0.1:<port>/api/v1`: pass it as `baseUrl`. */
  url: string;
  /** API keys: every scope and read scopes on the first org, every scope on the second. */
  keys: { full: string; readOnly: string; otherOrg: string };
  /** The live world. */
  world: LiveWorld;
  /** Responses that broke the spec (with `validate`). */
  violations: Array<{ operationId: string; status: number; problem: string }>;
  /** Issues another key for an org with these scopes. */
  issueKey(orgId: string, scopes: readonly string[]): string;
  /** Turns fault injection on with these options, or off. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Back to the initial world: records, idempotency keys, rate-limit counts and violations. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the stateful Macha API mock on 127.0.0.1; resolves once it listens. */
export function startMockServer(options?: MockServerOptions): Promise<MockServer>;

/** A clock starting at startMs (2026-06-25T10:00:00Z by default) that moves only with advance(). */
export function manualClock(startMs?: number): ManualClock;

/** The connector of the client README's example, in every generated world. */
export const README_CONNECTOR_ID: string;

/** Runs the `macha-mock` command line with these arguments. */
export function main(args: readonly string[]): Promise<void>;
