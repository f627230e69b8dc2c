// The client's errors: MachaError, one subclass per kind of failure, and InvalidArgumentError for
// a call or option that is wrong before anything is sent.
import type { ApiErrorCode } from '../generated/operations.js';

/** Error codes the client itself produces, next to the API's own codes. */
export type ClientErrorCode = 'timeout' | 'network_error' | 'invalid_response' | 'aborted' | 'invalid_argument';

/** `MachaError.code`: the API's documented codes, the client's, or a code added to the API later. */
export type MachaErrorCode = ApiErrorCode | ClientErrorCode | (string & {});

/** What a MachaError is made from (already redacted). */
export interface MachaErrorInit {
  status: number;
  code: MachaErrorCode;
  message: string;
  requestId?: string | null | undefined;
  retryAfter?: number | null | undefined;
  cause?: unknown;
}

/** The fields of an error worth logging, and nothing else. */
export interface MachaErrorJSON {
  name: string;
  status: number;
  code: MachaErrorCode;
  message: string;
  requestId: string | null;
  retryAfter: number | null;
}

// A brand shared by every copy of the package, so that isMachaError and instanceof MachaError
// hold for errors of another copy (two versions installed side by side) and InvalidArgumentError.
const BRAND = Symbol.for('@macha/api-client.error');

/** Copies init's fields onto an error and brands it. */
function fill(error: MachaError | InvalidArgumentError, init: MachaErrorInit): void {
  Object.defineProperty(error, BRAND, { value: true });
  error.status = init.status;
  error.code = init.code;
  error.requestId = init.requestId ?? null;
  error.retryAfter = init.retryAfter ?? null;
}

/** toJSON of every client error. */
function json(error: MachaError | InvalidArgumentError): MachaErrorJSON {
  const { name, status, code, message, requestId, retryAfter } = error;
  return { name, status, code, message, requestId, retryAfter };
}

/**
 * Every failure of a resource method or `macha.request`, and every failure without an HTTP
 * response on the raw surface. `status` is the HTTP status or 0 when no response arrived; `code`
 * the API's error code or the client's own (`timeout`, `network_error`, `invalid_response`,
 * `aborted`, `invalid_argument`); `requestId` from `X-Request-ID` or the envelope; `retryAfter`
 * in seconds or null. It never contains the API key: every string is redacted.
 */
export class MachaError extends Error {
  declare status: number;
  declare code: MachaErrorCode;
  declare requestId: string | null;
  declare retryAfter: number | null;

  constructor(init: MachaErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    fill(this, init);
  }

  /** The fields worth logging, and nothing else (no request, no headers, no key). */
  toJSON(): MachaErrorJSON {
    return json(this);
  }

  /** `instanceof MachaError` holds for every client error, of any copy of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class asked about; subclasses keep the usual check.
    if (this !== MachaError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** 400: the request is malformed. */
export class BadRequestError extends MachaError {}
/** 401: the API key is missing, malformed, revoked or unknown. */
export class AuthenticationError extends MachaError {}
/** 403: the key lacks the scope the operation needs. */
export class PermissionDeniedError extends MachaError {}
/** 404: no such resource in the key's org. */
export class NotFoundError extends MachaError {}
/** 409: the request conflicts with the current state (a taken handle, a reused idempotency key). */
export class ConflictError extends MachaError {}
/** 422: a parameter or body field breaks its schema. */
export class ValidationError extends MachaError {}
/** 429: rate limited; `retryAfter` says when to try again. */
export class RateLimitError extends MachaError {}
/** 500 and above: the server or a gateway failed. */
export class InternalServerError extends MachaError {}
/** No response: the connection failed (DNS, refused, reset). */
export class ConnectionError extends MachaError {}
/** No complete response within `timeoutMs` (or the call's `deadlineMs`). */
export class TimeoutError extends MachaError {}
/** The caller's AbortSignal fired. */
export class AbortedError extends MachaError {}

/**
 * A call or option that is wrong before anything is sent: a malformed ID, an absurd option, a
 * path `macha.request` refuses. A TypeError, as a programming mistake is, and also a MachaError
 * (`isMachaError` and `instanceof MachaError` hold, `code` is `invalid_argument`), so the usual
 * catch block reports it instead of rethrowing it.
 */
export class InvalidArgumentError extends TypeError {
  declare status: number;
  declare code: MachaErrorCode;
  declare requestId: string | null;
  declare retryAfter: number | null;

  constructor(message: string) {
    super(message);
    this.name = 'InvalidArgumentError';
    fill(this, { status: 0, code: 'invalid_argument', message });
  }

  /** The fields worth logging. */
  toJSON(): MachaErrorJSON {
    return json(this);
  }
}

const BY_STATUS: Record<number, typeof MachaError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
  429: RateLimitError,
};
const BY_CODE: Record<string, typeof MachaError> = {
  timeout: TimeoutError,
  aborted: AbortedError,
  network_error: ConnectionError,
};

/** The error of the class that fits its status (or, without a response, its code). */
export function machaError(init: MachaErrorInit): MachaError {
  const Kind =
    init.status === 0
      ? (BY_CODE[init.code] ?? MachaError)
      : (BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : MachaError));
  return new Kind(init);
}

/** Type guard for every client error, also across copies of the package. */
export function isMachaError(value: unknown): value is MachaError {
  return value instanceof MachaError;
}
