// Turns what openapi-fetch returns (with parseAs: 'text') into the success body, or a MachaError
// of the status's class that says what was wrong with the response. Every string is redacted.
import { type MachaError, machaError } from './errors.js';
import { parseRetryAfter } from './retry.js';

/** openapi-fetch's result for a call made with parseAs: 'text'. */
export interface TextResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

type Redact = (text: string) => string;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NOT_JSON = Symbol('not JSON');
/** JSON.parse that returns NOT_JSON instead of throwing, and undefined for an empty body. */
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return text === '' ? undefined : text;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** The message for a body of the wrong kind, with what the response says it is. */
function notDocumented(response: Response, redact: Redact): string {
  return redact(
    `The API answered ${response.status} with a body that is not the documented JSON ` +
      `(content-type: ${response.headers.get('content-type') ?? 'none'}).`,
  );
}

/** The request id of a response, redacted (a hostile server may echo anything in it). */
function requestIdOf(response: Response, redact: Redact): string | null {
  const id = response.headers.get('x-request-id');
  return id === null ? null : redact(id);
}

/**
 * The body of a 2xx result. With `envelope` (the operation documents a JSON success, which
 * is always the `{data, meta}` envelope): that envelope, else MachaError `invalid_response`. Without:
 * the parsed JSON, or the text when it is not JSON, or undefined for no body.
 */
export function successBody<T>(result: TextResult, redact: Redact, envelope: boolean): T {
  const body = parseJson(result.data);
  if (!envelope) return (body === NOT_JSON ? result.data : body) as T;
  if (isObject(body) && 'data' in body && isObject(body.meta)) return body as T;
  throw machaError({
    status: result.response.status,
    code: 'invalid_response',
    message: notDocumented(result.response, redact),
    requestId: requestIdOf(result.response, redact),
  });
}

/** The MachaError for a non-2xx result: the API's error envelope, or `invalid_response` when there is none. */
export function errorFrom(result: TextResult, redact: Redact): MachaError {
  const { response } = result;
  const body = typeof result.error === 'string' ? parseJson(result.error) : result.error;
  const envelope = isObject(body) && isObject(body.error) ? body.error : undefined;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const headerId = requestIdOf(response, redact);
  if (envelope && typeof envelope.code === 'string' && typeof envelope.message === 'string') {
    return machaError({
      status: response.status,
      code: redact(envelope.code),
      message: redact(envelope.message),
      requestId: headerId ?? (typeof envelope.request_id === 'string' ? redact(envelope.request_id) : null),
      retryAfter,
    });
  }
  return machaError({
    status: response.status,
    code: 'invalid_response',
    message: notDocumented(response, redact),
    requestId: headerId,
    retryAfter,
  });
}
