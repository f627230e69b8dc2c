// When and how long to wait before retrying: exponential backoff with jitter, or the server's
// Retry-After (parsed strictly) up to a bound; never a retry without a wait.

/** HTTP statuses worth retrying: rate limited, and server or gateway failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** The longest Retry-After the client waits for; a longer one is returned to the caller instead. */
const MAX_RETRY_AFTER_SECONDS = 60;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must accept. */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT` +
    `|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT` +
    `|${DAY} ${MONTH} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4})$`,
);

/**
 * Parses Retry-After (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) into whole seconds from
 * now; null when absent or not one of those (`-1`, `1.5`, `soon`), so that a malformed value
 * falls back to the backoff instead of meaning "now".
 */
export function parseRetryAfter(value: string | null): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed);
  if (!HTTP_DATE.test(trimmed)) return null;
  const date = Date.parse(trimmed.endsWith('GMT') ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The wait before retry number `attempt + 1`, in milliseconds: a random delay between half and
 * all of 500 ms × 2^attempt (capped at 8 s), or the server's Retry-After when it asks for longer.
 * Null means do not retry: the server asked for more than MAX_RETRY_AFTER_SECONDS.
 */
export function retryDelay(attempt: number, retryAfterSeconds: number | null): number | null {
  if (retryAfterSeconds !== null && retryAfterSeconds > MAX_RETRY_AFTER_SECONDS) return null;
  const window = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  const backoff = Math.ceil(window / 2 + (Math.random() * window) / 2);
  return retryAfterSeconds === null ? backoff : Math.max(retryAfterSeconds * 1000, Math.ceil(window / 2));
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
