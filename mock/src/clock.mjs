// Clocks of the mock: the real one by default (rate-limit windows slide, sources sync while you
// watch), and a manual one for tests that move time by hand instead of waiting.

/** @typedef {{ now(): number, advance?(ms: number): void }} Clock epoch milliseconds */

/** The wall clock. */
export const realClock = { now: () => Date.now() };

/** A clock starting at startMs that only moves when told to. */
export function manualClock(startMs = Date.parse('2026-06-25T10:00:00.000Z')) {
  let current = startMs;
  return {
    now: () => current,
    /** @param {number} ms */
    advance(ms) {
      current += ms;
    },
  };
}
