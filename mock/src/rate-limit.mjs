// Sliding-window rate limits per API key (1,000 per minute and 10,000 per hour by default), and the
// X-RateLimit-* values for whichever window runs out first.

/** @typedef {{ limit: number, windowMs: number }} RateLimitWindow */
/**
 * @typedef {{ allowed: boolean, limit: number, remaining: number, reset: number, retryAfter: number }}
 *   RateLimitState
 */

/** The documented windows. */
export const DEFAULT_WINDOWS = [
  { limit: 1_000, windowMs: 60_000 },
  { limit: 10_000, windowMs: 3_600_000 },
];

/**
 * A limiter over these windows, timed by clock: `hit` counts a request if every window has room
 * (a refused one is not counted); `peek` reads the state without counting.
 * @param {{ now(): number }} clock
 * @param {readonly RateLimitWindow[]} [windows]
 */
export function createRateLimiter(clock, windows = DEFAULT_WINDOWS) {
  /** @type {Map<string, number[]>} */
  const log = new Map();
  const longest = Math.max(...windows.map((window) => window.windowMs));

  /**
   * @param {string} bucket
   * @param {boolean} count
   * @returns {RateLimitState}
   */
  const state = (bucket, count) => {
    const now = clock.now();
    let times = log.get(bucket) ?? [];
    // Drop what left the longest window; the log stays sorted, so only its head can be old.
    let expired = 0;
    while (expired < times.length && /** @type {number} */ (times[expired]) <= now - longest) expired += 1;
    if (expired > 0) times = times.slice(expired);
    log.set(bucket, times);
    const views = windows.map((window) => {
      const from = firstAfter(times, now - window.windowMs);
      const oldest = times[from] ?? now;
      return { window, used: times.length - from, freesAt: oldest + window.windowMs };
    });
    const full = views.filter((view) => view.used >= view.window.limit);
    if (full.length > 0) {
      // The window that blocks longest decides how long to wait.
      const blocking = full.reduce((a, b) => (b.freesAt > a.freesAt ? b : a));
      return {
        allowed: false,
        limit: blocking.window.limit,
        remaining: 0,
        reset: Math.ceil(blocking.freesAt / 1000),
        retryAfter: Math.max(0, Math.ceil((blocking.freesAt - now) / 1000)),
      };
    }
    if (count) times.push(now);
    const reported = views
      .map((view) => ({ ...view, remaining: view.window.limit - view.used - (count ? 1 : 0) }))
      .reduce((a, b) => (b.remaining < a.remaining ? b : a));
    return {
      allowed: true,
      limit: reported.window.limit,
      remaining: reported.remaining,
      reset: Math.ceil(reported.freesAt / 1000),
      retryAfter: 0,
    };
  };

  return {
    /** @param {string} bucket */
    hit: (bucket) => state(bucket, true),
    /** @param {string} bucket */
    peek: (bucket) => state(bucket, false),
    reset: () => log.clear(),
  };
}

/**
 * Index of the first time above `after` in a sorted list (binary search: 1,000 entries per key).
 * @param {number[]} times
 * @param {number} after
 */
function firstAfter(times, after) {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (/** @type {number} */ (times[middle]) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}
