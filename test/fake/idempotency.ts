// Idempotency keys: the first request with a key runs and its response is stored for 24 hours;
// the same key with the same method, path and body gets the stored response back without running
// again; the same key with anything else is a conflict.
import { createHash } from 'node:crypto';
import type { AgentEnvelope, ErrorEnvelope } from '../../generated/schema.js';
import type { Clock } from './clock.js';

/** A response as stored for replay. */
export interface StoredResponse {
  status: number;
  body: AgentEnvelope | ErrorEnvelope;
  requestId: string;
}

/** What to do with a request that carries an Idempotency-Key. */
export type IdempotencyDecision = { kind: 'run' } | { kind: 'replay'; response: StoredResponse } | { kind: 'conflict' };

/** Stored responses by (API key, Idempotency-Key). */
export interface IdempotencyStore {
  decide(scope: string, key: string, fingerprint: string): IdempotencyDecision;
  save(scope: string, key: string, fingerprint: string, response: StoredResponse): void;
}

const TTL_MS = 24 * 3_600_000;

/** The request's fingerprint: method, path and body, the body's keys sorted so that their order does not matter. */
export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(sorted(body))}`)
    .digest('hex');
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, child]) => [key, sorted(child)]),
    );
  return value;
}

/** An empty store whose entries expire 24 hours after clock's time of saving. */
export function createIdempotencyStore(clock: Clock): IdempotencyStore {
  const entries = new Map<string, { fingerprint: string; response: StoredResponse; expiresAt: number }>();
  return {
    decide(scope, key, print) {
      const entry = entries.get(`${scope}\n${key}`);
      if (!entry || entry.expiresAt <= clock.now()) return { kind: 'run' };
      return entry.fingerprint === print ? { kind: 'replay', response: entry.response } : { kind: 'conflict' };
    },
    save(scope, key, print, response) {
      entries.set(`${scope}\n${key}`, { fingerprint: print, response, expiresAt: clock.now() + TTL_MS });
    },
  };
}
