// Sliding-window rate limits per API key (1,000 per minute and 10,000 per hour by default), and the
// X-RateLimit-* values for whichever window runs out first.
import type { Clock } from './clock.js';

/** One window: at most `limit` requests in any `windowMs`. */
export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

/** The documented windows. */
export const DEFAULT_WINDOWS: readonly RateLimitWindow[] = [
  { limit: 1_000, windowMs: 60_000 },
  { limit: 10_000, windowMs: 3_600_000 },
];

/** The outcome of one request for its bucket, with the header values to send. */
export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the reported window frees a request, in epoch seconds. */
  reset: number;
  /** Seconds to wait, when not allowed. */
  retryAfter: number;
}

/** Counts requests per bucket (an API key, or one bucket for requests without a valid key). */
export interface RateLimiter {
  /** Counts a request if every window has room; a refused request is not counted. */
  hit(bucket: string): RateLimitState;
  /** The current state without counting anything (for responses that are not the API's own). */
  peek(bucket: string): RateLimitState;
}

/** A limiter over these windows, timed by clock. */
export function createRateLimiter(clock: Clock, windows: readonly RateLimitWindow[] = DEFAULT_WINDOWS): RateLimiter {
  const log = new Map<string, number[]>();
  const longest = Math.max(...windows.map((window) => window.windowMs));

  const state = (bucket: string, count: boolean): RateLimitState => {
    const now = clock.now();
    const times = (log.get(bucket) ?? []).filter((time) => time > now - longest);
    log.set(bucket, times);
    const views = windows.map((window) => {
      const inWindow = times.filter((time) => time > now - window.windowMs);
      const oldest = inWindow[0] ?? now;
      return { window, used: inWindow.length, freesAt: oldest + window.windowMs };
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

  return { hit: (bucket) => state(bucket, true), peek: (bucket) => state(bucket, false) };
}
