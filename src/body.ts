// Reads a response body within a bound on the bytes it decodes to, whatever the encoding: a
// small gzip body can decode to gigabytes, so the compressed Content-Length proves nothing.
import { machaError } from './errors.js';

/** The most response body the client reads, decoded; more is a hostile or broken server. */
export const MAX_BODY_BYTES = 10_485_760; // 10 MiB

/** Whether an error comes from decoding the body (zlib, brotli), not from the connection. */
function isDecodeFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('Z_') || code.includes('BROTLI') || code.includes('ZLIB')))
      return true;
  }
  return false;
}

/** Reads the whole body, at most `limit` decoded bytes; null when the response has none. */
export async function readBody(response: Response, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer> | null> {
  // 204, 205 and 304 (null-body statuses) have no body: a Response cannot be built with one.
  if (!response.body) return null;
  const encoding = response.headers.get('content-encoding');
  // Not encoded, with a declared length within the bound: read in one go (the HTTP parser holds
  // the body to that length).
  if ((encoding === null || encoding === 'identity') && Number(response.headers.get('content-length') ?? NaN) <= limit)
    return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (!isDecodeFailure(error)) throw error;
      throw machaError({
        status: response.status,
        code: 'invalid_response',
        message: `The response body could not be decoded (content-encoding: ${encoding ?? 'none'}).`,
      });
    }
    if (chunk.done) return new Uint8Array(await new Blob(chunks).arrayBuffer());
    size += chunk.value.byteLength;
    if (size > limit) {
      // Stops reading (and decompressing) at once.
      await reader.cancel().catch(() => {});
      throw machaError({
        status: response.status,
        code: 'invalid_response',
        message: `The response body exceeds ${limit} bytes${encoding ? ` once decoded (${encoding})` : ''}.`,
      });
    }
    chunks.push(chunk.value);
  }
}
