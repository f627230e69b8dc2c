// Idempotency keys on POST and PATCH: the first request with a key runs and its response is stored
// for 24 hours; the same key with the same method, path and body gets the stored response back
// without running again; the same key with anything else is a conflict.
import { createHash } from 'node:crypto';

const TTL_MS = 24 * 3_600_000;

/**
 * The request's fingerprint: method, path and body, the body's keys sorted so their order does not matter.
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 */
export function fingerprint(method, path, body) {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(sorted(body))}`)
    .digest('hex');
}

/** @param {unknown} value @returns {unknown} */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, child]) => [key, sorted(child)]),
    );
  return value;
}

/**
 * Stored responses by (API key, Idempotency-Key), expiring 24 hours after clock's time of saving.
 * @param {{ now(): number }} clock
 */
export function createIdempotencyStore(clock) {
  /** @type {Map<string, { fingerprint: string, response: any, expiresAt: number }>} */
  const entries = new Map();
  return {
    /**
     * @param {string} scope
     * @param {string} key
     * @param {string} print
     * @returns {{ kind: 'run' } | { kind: 'replay', response: any } | { kind: 'conflict' }}
     */
    decide(scope, key, print) {
      const entry = entries.get(`${scope}\n${key}`);
      if (!entry || entry.expiresAt <= clock.now()) return { kind: 'run' };
      return entry.fingerprint === print ? { kind: 'replay', response: entry.response } : { kind: 'conflict' };
    },
    /**
     * @param {string} scope
     * @param {string} key
     * @param {string} print
     * @param {any} response
     */
    save(scope, key, print, response) {
      entries.set(`${scope}\n${key}`, { fingerprint: print, response, expiresAt: clock.now() + TTL_MS });
    },
    reset: () => entries.clear(),
  };
}
