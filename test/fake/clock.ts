// A clock the tests move by hand, so that rate-limit windows and idempotency expiry are tested
// without waiting.

/** A settable clock in epoch milliseconds. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

/** A clock starting at startMs that only moves when told to. */
export function manualClock(startMs = Date.parse('2026-06-25T10:00:00.000Z')): Clock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}
