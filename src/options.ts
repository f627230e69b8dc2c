// Client options: defaults, and the checks that turn a misconfiguration into a clear TypeError
// at creation instead of a confusing failure on the first request.
import { defaultBaseUrl } from '../generated/operations.js';

/** Options of createMachaClient. */
export interface MachaClientOptions {
  /** The API key (`mka_live_…`). Defaults to the `MACHA_API_KEY` environment variable where `process` exists. */
  apiKey?: string;
  /** The API's base URL. Defaults to the spec's server, `https://dashboard.getmacha.com/api/v1`. */
  baseUrl?: string;
  /** The fetch to use (for tests, proxies, or runtimes without a global fetch). */
  fetch?: (request: Request) => Promise<Response>;
  /** Retries after a retryable failure (429, 500, 502, 503, 504, network error, timeout). Default 2. */
  maxRetries?: number;
  /** Time limit of each attempt in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** Allow `http://` to a host that is not loopback. Off by default: the key would travel in clear text. */
  allowInsecureHttp?: boolean;
}

/** Options that each call may override. */
export interface CallOptions {
  maxRetries?: number;
  timeoutMs?: number;
  /** Aborts the call, including its retries. */
  signal?: AbortSignal;
  /** For operations that accept one (creates); generated (UUID v4) when left out. */
  idempotencyKey?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Options after defaults and checks. */
export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  /** Sends one attempt: the fetch option with a Request, or the platform's fetch with the URL (or Request) and init. */
  send: (target: string | Request, init: RequestInit) => Promise<Response>;
  maxRetries: number;
  timeoutMs: number;
}

// URL.hostname keeps an IPv6 address in brackets.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Validates a retry count or time limit option, naming it when it is wrong. */
export function checkNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new TypeError(`Macha client: ${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** Applies defaults and checks every option; throws TypeError naming the option that is wrong. */
export function resolveOptions(options: MachaClientOptions): ResolvedOptions {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const apiKey = options.apiKey ?? env?.MACHA_API_KEY ?? '';
  if (apiKey.trim() === '') {
    throw new TypeError(
      'Macha client: no API key. Pass { apiKey } to createMachaClient or set the MACHA_API_KEY environment variable.',
    );
  }
  if (!/^[\x21-\x7E]+$/.test(apiKey)) {
    throw new TypeError(
      'Macha client: the API key contains spaces, line breaks or non-ASCII characters; check how it was copied.',
    );
  }
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`Macha client: baseUrl is not a valid URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Macha client: baseUrl must be http(s), got ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && !options.allowInsecureHttp) {
    throw new TypeError(
      `Macha client: refusing http:// to ${url.hostname}: the API key would be sent in clear text. Use https://, or pass allowInsecureHttp: true if you really mean it.`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError('Macha client: baseUrl must not contain credentials, a query or a fragment.');
  }
  const custom = options.fetch;
  const platform = globalThis.fetch;
  if (typeof custom !== 'function' && typeof platform !== 'function')
    throw new TypeError('Macha client: no fetch available; pass { fetch }.');
  return {
    apiKey,
    baseUrl: url.href.replace(/\/+$/, ''),
    // The platform's fetch gets the URL and init: building a Request first would cost one more
    // (on Node each links its own AbortSignal, a large share of a call's CPU). A fetch passed in
    // gets a Request, as its type says.
    send: custom ? (target, init) => custom(new Request(target, init)) : platform.bind(globalThis),
    maxRetries: checkNumber('maxRetries', options.maxRetries ?? 2, 0),
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? 30_000, 1),
  };
}
