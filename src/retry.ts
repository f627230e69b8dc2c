// When and how long to wait before retrying: exponential backoff with full jitter, honouring
// the server's Retry-After up to a bound.

/** HTTP statuses worth retrying: rate limited, and server or gateway failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** The longest Retry-After the client waits for; a longer one is returned to the caller instead. */
const MAX_RETRY_AFTER_SECONDS = 60;

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** Parses Retry-After (delay-seconds or an HTTP date) into whole seconds, or null when absent or invalid. */
export function parseRetryAfter(value: string | null): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The wait before retry number `attempt + 1`, in milliseconds: the server's Retry-After when it
 * gave one, else a random delay up to 500 ms × 2^attempt (capped at 8 s). Null means do not
 * retry: the server asked for a longer wait than MAX_RETRY_AFTER_SECONDS.
 */
export function retryDelay(attempt: number, retryAfterSeconds: number | null): number | null {
  if (retryAfterSeconds !== null) return retryAfterSeconds > MAX_RETRY_AFTER_SECONDS ? null : retryAfterSeconds * 1000;
  return Math.floor(Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

/** Waits ms milliseconds; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
