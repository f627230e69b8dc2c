// Fault injection driven by a seed: which requests fail, and how, is the same on every run with
// the same seed. Some faults answer before the request is handled (the API never saw it); the
// others hit after it was handled, so the work is done but its response is lost or damaged,
// which is the case idempotency keys exist for.
import { mulberry32 } from './random.mjs';

/** Every fault kind. */
export const FAULT_KINDS = /** @type {const} */ ([
  'rate_limited',
  'unavailable',
  'not_json',
  'drop',
  'slow',
  'truncated',
]);

/** @typedef {(typeof FAULT_KINDS)[number]} FaultKind */

/** Faults answered instead of handling the request: a 429, a 503, or a gateway's HTML 502. */
export const BEFORE_HANDLING = new Set(['rate_limited', 'unavailable', 'not_json']);

/**
 * @typedef {object} FaultOptions
 * @property {number} [seed]
 * @property {number} rate the share of requests that get a fault, 0 to 1
 * @property {readonly FaultKind[]} [kinds]
 * @property {number} [maxInARow] at most this many faulty requests in a row
 * @property {number} [slowMs] how long a `slow` response is held back
 * @property {number} [retryAfterSeconds] the Retry-After of an injected 429
 */

/**
 * A plan deciding, request by request, whether to inject a fault, following options.seed.
 * @param {FaultOptions} options
 */
export function createFaultPlan(options) {
  const settled = { seed: 1, kinds: FAULT_KINDS, maxInARow: 2, slowMs: 2_000, retryAfterSeconds: 0, ...options };
  if (settled.kinds.length === 0) throw new Error('fault options: kinds is empty');
  if (!(settled.rate >= 0 && settled.rate <= 1)) throw new Error(`fault rate ${settled.rate} is not between 0 and 1`);
  const random = mulberry32(settled.seed);
  /** @type {{ kind: FaultKind, method: string, path: string }[]} */
  const injected = [];
  let inARow = 0;
  return {
    options: settled,
    injected,
    /**
     * @param {string} method
     * @param {string} path
     * @returns {FaultKind | undefined}
     */
    next(method, path) {
      // Both draws happen on every request so that the sequence depends only on the seed.
      const hit = random() < settled.rate;
      const kind = settled.kinds[Math.floor(random() * settled.kinds.length)];
      if (!hit || inARow >= settled.maxInARow || kind === undefined) {
        inARow = 0;
        return undefined;
      }
      inARow += 1;
      injected.push({ kind, method, path });
      return kind;
    },
  };
}
