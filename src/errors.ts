// The one error type of the client, and the redaction that keeps the API key out of it.

/** Error codes the client itself produces, next to the API's own codes. */
export type ClientErrorCode = 'timeout' | 'network_error' | 'invalid_response' | 'aborted';

/** What a MachaError is made from. */
export interface MachaErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | null;
  retryAfter?: number | null;
  cause?: unknown;
}

/**
 * Thrown by the resource methods (`macha.connectors.list`, ...) for every failure, and by every
 * call for failures that have no HTTP response. Carries:
 * - `status`: the HTTP status, or 0 when no response arrived (network error, timeout, abort);
 * - `code`: the API's error code (`not_found`, `rate_limited`, ...), or the client's own:
 *   `timeout`, `network_error`, `invalid_response` (a body that is not JSON or not of the
 *   documented shape) or `aborted` (the caller's AbortSignal fired);
 * - `message`, `requestId` (from `X-Request-ID` or the error envelope) and `retryAfter` (seconds,
 *   or null).
 * It never contains the API key: messages are redacted and `toJSON` lists only these fields.
 */
export class MachaError extends Error {
  override readonly name = 'MachaError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly retryAfter: number | null;

  constructor(init: MachaErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }

  /** The fields worth logging, and nothing else (no request, no headers, no key). */
  toJSON(): Omit<MachaErrorInit, 'cause'> & { name: string } {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      retryAfter: this.retryAfter,
    };
  }
}

/** Type guard for MachaError, also across copies of the package (checks the shape, not the class). */
export function isMachaError(value: unknown): value is MachaError {
  return (
    value instanceof MachaError ||
    (value instanceof Error && value.name === 'MachaError' && typeof (value as MachaError).code === 'string')
  );
}

/** Replaces every occurrence of the secret in text, so that no message can carry the key. */
export function redact(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('[redacted]') : text;
}
