// IDs as the API forms them: `<prefix>_<24 lowercase hex>` (a MongoDB ObjectId), and request IDs.
import { randomBytes } from 'node:crypto';

/**
 * The 24 hex digits of a new ObjectId-like ID: 8 of creation time in seconds, then 16 of a
 * counter. IDs therefore sort as they were created, which is what "newest first" pages by.
 */
export function objectIdHex(nowMs: number, counter: number): string {
  return (
    Math.floor(nowMs / 1000)
      .toString(16)
      .padStart(8, '0') + counter.toString(16).padStart(16, '0')
  );
}

/** The hex part of a connector ID given prefixed or bare (any case), or undefined if it is neither. */
export function connectorHex(raw: string): string | undefined {
  const match = /^(?:connector_)?([0-9a-fA-F]{24})$/.exec(raw);
  return match?.[1]?.toLowerCase();
}

/** A new request ID: `req_` and 16 hex digits, as the API's examples show. */
export function newRequestId(): string {
  return `req_${randomBytes(8).toString('hex')}`;
}
