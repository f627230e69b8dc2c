// Client options: defaults (from the environment where there is one), and the checks that turn a
// misconfiguration into a clear InvalidArgumentError at creation instead of a confusing failure
// on the first request.
import { defaultBaseUrl } from '../generated/operations.js';
import { InvalidArgumentError } from './errors.js';
import { createLog, type LogLevel, type Logger, type RetryEvent } from './log.js';
import { createRedactor } from './redact.js';

/** Options of createMachaClient. Every field also takes `undefined` (exactOptionalPropertyTypes). */
export interface MachaClientOptions {
  /** The API key (`mka_live_…`). Defaults to the `MACHA_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** The API's base URL. Defaults to `MACHA_BASE_URL`, else the spec's server. */
  baseUrl?: string | undefined;
  /** The fetch to use (tests, or runtimes without a global fetch). */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Passed to every fetch of the platform (a `dispatcher` for a proxy, say). */
  fetchOptions?: (Omit<RequestInit, 'method' | 'body' | 'headers' | 'signal'> & Record<string, unknown>) | undefined;
  /** Headers sent with every request (a call's `headers` win). */
  defaultHeaders?: Record<string, string> | undefined;
  /** Retries after a retryable failure (429, 5xx, network error, timeout), 0 to 10. Default 2. */
  maxRetries?: number | undefined;
  /** Time limit of each attempt in milliseconds. Default 30000. */
  timeoutMs?: number | undefined;
  /** Time limit of a whole call in milliseconds, retries included. Default: none. */
  deadlineMs?: number | undefined;
  /** Allow `http://` to a host that is not loopback. Off: the key would travel in clear text. */
  allowInsecureHttp?: boolean | undefined;
  /** Allow a key in a browser, where anyone can read it. Off. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Where log lines go. Default: the console. */
  logger?: Logger | undefined;
  /** The least severe line logged. Default: `MACHA_LOG`, else `warn` (retries and their waits). */
  logLevel?: LogLevel | undefined;
  /** Called before each retry's wait, with what failed and how long the wait is. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** Options after defaults and checks. */
export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  /** Sends one attempt: the fetch option with a Request, or the platform's fetch with the URL and init. */
  send: (url: string, init: RequestInit) => Promise<Response>;
  maxRetries: number;
  timeoutMs: number;
  deadlineMs: number | null;
  defaultHeaders: Record<string, string> | undefined;
  redact: (text: string) => string;
  log: ReturnType<typeof createLog>;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

// URL.hostname keeps an IPv6 address in brackets.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** More retries than this only hammer a failing server; setTimeout's limit bounds the times. */
export const MAX_RETRIES = 10;
const MAX_MS = 2_147_483_647;

/** Validates a retry count or time option, naming it when it is wrong. */
export function checkNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(
      `Macha client: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/** The call-level settings, checked. */
export function checkSettings(options: {
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  deadlineMs?: number | undefined;
}) {
  return {
    maxRetries:
      options.maxRetries === undefined ? undefined : checkNumber('maxRetries', options.maxRetries, 0, MAX_RETRIES),
    timeoutMs: options.timeoutMs === undefined ? undefined : checkNumber('timeoutMs', options.timeoutMs, 1, MAX_MS),
    deadlineMs: options.deadlineMs === undefined ? undefined : checkNumber('deadlineMs', options.deadlineMs, 1, MAX_MS),
  };
}

type Env = Record<string, string | undefined>;

/** Whether this looks like a web page (a window with a document), where a key would be public. */
function inBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === 'object' && typeof scope.document === 'object';
}

/** Applies defaults and checks every option; throws InvalidArgumentError naming the option that is wrong. */
export function resolveOptions(options: MachaClientOptions): ResolvedOptions {
  const env: Env = (globalThis as { process?: { env?: Env } }).process?.env ?? {};
  const apiKey = options.apiKey ?? env.MACHA_API_KEY ?? '';
  if (apiKey.trim() === '') {
    throw new InvalidArgumentError(
      'Macha client: no API key. Pass { apiKey } to createMachaClient or set the MACHA_API_KEY environment variable.',
    );
  }
  if (!/^[\x21-\x7E]+$/.test(apiKey)) {
    throw new InvalidArgumentError(
      'Macha client: the API key contains spaces, line breaks or non-ASCII characters; check how it was copied.',
    );
  }
  if (inBrowser() && !options.dangerouslyAllowBrowser) {
    throw new InvalidArgumentError(
      'Macha client: refusing to run in a browser: Macha API keys are secret and anyone can read one in a ' +
        'page. Call the API from your server, or pass dangerouslyAllowBrowser: true if the key is meant to be public.',
    );
  }
  const baseUrl = options.baseUrl ?? env.MACHA_BASE_URL ?? defaultBaseUrl;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InvalidArgumentError(`Macha client: baseUrl is not a valid URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError(`Macha client: baseUrl must be http(s), got ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && !options.allowInsecureHttp) {
    throw new InvalidArgumentError(
      `Macha client: refusing http:// to ${url.hostname}: the API key would be sent in clear text. ` +
        'Use https://, or pass allowInsecureHttp: true if you really mean it.',
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InvalidArgumentError('Macha client: baseUrl must not contain credentials, a query or a fragment.');
  }
  const custom = options.fetch;
  const platform = globalThis.fetch;
  if (typeof custom !== 'function' && typeof platform !== 'function')
    throw new InvalidArgumentError('Macha client: no fetch available; pass { fetch }.');
  const extra = options.fetchOptions;
  const settings = checkSettings(options);
  const redact = createRedactor(apiKey);
  return {
    apiKey,
    baseUrl: url.href.replace(/\/+$/, ''),
    // The platform's fetch gets the URL and init: building a Request first would cost one more.
    // A fetch passed in gets a Request, as its type says.
    send: custom
      ? (target, init) => custom(new Request(target, extra ? { ...extra, ...init } : init))
      : extra
        ? (target, init) => platform(target, { ...extra, ...init })
        : (target, init) => platform(target, init),
    maxRetries: settings.maxRetries ?? 2,
    timeoutMs: settings.timeoutMs ?? 30_000,
    deadlineMs: settings.deadlineMs ?? null,
    defaultHeaders: options.defaultHeaders,
    redact,
    log: createLog(options.logger, options.logLevel ?? logLevelFrom(env.MACHA_LOG), redact),
    onRetry: options.onRetry,
  };
}

/** MACHA_LOG's level; an unknown value is refused rather than silently ignored. */
function logLevelFrom(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'warn';
  const level = value.trim().toLowerCase();
  if (level === 'debug' || level === 'info' || level === 'warn' || level === 'off') return level;
  throw new InvalidArgumentError(
    `Macha client: MACHA_LOG must be debug, info, warn or off, got ${JSON.stringify(value)}`,
  );
}
