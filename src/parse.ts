// Turns what openapi-fetch returns (with parseAs: 'text') into the success body {data, meta},
// or a MachaError that says what was wrong with the response.
import { MachaError, redact } from './errors.js';
import { parseRetryAfter } from './retry.js';

/** openapi-fetch's result for a call made with parseAs: 'text'. */
export interface TextResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse that returns undefined instead of throwing. */
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The message for a body of the wrong kind, with what the response says it is. */
function notDocumented(response: Response, apiKey: string): string {
  return redact(
    `The API answered ${response.status} with a body that is not the documented JSON (content-type: ${response.headers.get('content-type') ?? 'none'}).`,
    apiKey,
  );
}

/** The success body of a 2xx result, or throws MachaError `invalid_response`. */
export function successBody<T>(result: TextResult, apiKey: string): T {
  const body = parseJson(result.data);
  if (isObject(body) && 'data' in body && isObject(body.meta)) return body as T;
  throw new MachaError({
    status: result.response.status,
    code: 'invalid_response',
    message: notDocumented(result.response, apiKey),
    requestId: result.response.headers.get('x-request-id'),
  });
}

/** The MachaError for a non-2xx result: the API's error envelope, or `invalid_response` when there is none. */
export function errorFrom(result: TextResult, apiKey: string): MachaError {
  const { response } = result;
  const body = parseJson(result.error);
  const envelope = isObject(body) && isObject(body.error) ? body.error : undefined;
  const headerId = response.headers.get('x-request-id');
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (envelope && typeof envelope.code === 'string' && typeof envelope.message === 'string') {
    return new MachaError({
      status: response.status,
      code: envelope.code,
      message: redact(envelope.message, apiKey),
      requestId: headerId ?? (typeof envelope.request_id === 'string' ? envelope.request_id : null),
      retryAfter,
    });
  }
  return new MachaError({
    status: response.status,
    code: 'invalid_response',
    message: notDocumented(response, apiKey),
    requestId: headerId,
    retryAfter,
  });
}
