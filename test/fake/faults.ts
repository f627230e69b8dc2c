// Fault injection driven by a seed: which requests fail, and how, is the same on every run with
// the same seed. Some faults answer before the request is handled (the API never saw it); the
// others hit after it was handled, so the work is done but its response is lost or damaged,
// which is the case idempotency keys exist for.

/** The faults the fake can inject. */
export type FaultKind = 'rate_limited' | 'unavailable' | 'not_json' | 'drop' | 'slow' | 'truncated';

/** Every fault kind. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'rate_limited',
  'unavailable',
  'not_json',
  'drop',
  'slow',
  'truncated',
];

/** Faults answered instead of handling the request: a 429, a 503, or a gateway's HTML 502. */
export const BEFORE_HANDLING: ReadonlySet<FaultKind> = new Set(['rate_limited', 'unavailable', 'not_json']);

/** How to inject faults. */
export interface FaultOptions {
  seed: number;
  /** The share of requests that get a fault, 0 to 1. */
  rate: number;
  kinds?: readonly FaultKind[];
  /** At most this many faulty requests in a row (so that a client with that many retries gets through). */
  maxInARow?: number;
  /** How long a `slow` response is held back. */
  slowMs?: number;
  /** The Retry-After of an injected 429, in seconds. */
  retryAfterSeconds?: number;
}

/** One injected fault, for the tests' accounting. */
export interface InjectedFault {
  kind: FaultKind;
  method: string;
  path: string;
}

/** Decides, request by request, whether to inject a fault. */
export interface FaultPlan {
  readonly options: Required<FaultOptions>;
  next(method: string, path: string): FaultKind | undefined;
  readonly injected: readonly InjectedFault[];
}

/** A plan following options.seed. */
export function createFaultPlan(options: FaultOptions): FaultPlan {
  const settled: Required<FaultOptions> = {
    kinds: FAULT_KINDS,
    maxInARow: 2,
    slowMs: 2_000,
    retryAfterSeconds: 0,
    ...options,
  };
  if (settled.kinds.length === 0) throw new Error('fault options: kinds is empty');
  const random = mulberry32(settled.seed);
  const injected: InjectedFault[] = [];
  let inARow = 0;
  return {
    options: settled,
    injected,
    next(method, path) {
      // Both draws happen on every request so that the sequence depends only on the seed.
      const hit = random() < settled.rate;
      const kind = settled.kinds[Math.floor(random() * settled.kinds.length)] as FaultKind;
      if (!hit || inARow >= settled.maxInARow) {
        inARow = 0;
        return undefined;
      }
      inARow += 1;
      injected.push({ kind, method, path });
      return kind;
    },
  };
}

/** Mulberry32, a small seeded PRNG (public domain): numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
