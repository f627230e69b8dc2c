// IDs as the API forms them: `<prefix>_<24 lowercase hex>` (a MongoDB ObjectId), and request IDs.
import { randomBytes } from 'node:crypto';

/**
 * The 24 hex digits of an ObjectId-like ID: 8 of creation time in seconds, then 16 of a counter,
 * so that IDs sort as they were created, which is what "newest first" pages by.
 * @param {number} nowMs
 * @param {number} counter
 */
export function objectIdHex(nowMs, counter) {
  return (
    Math.floor(nowMs / 1000)
      .toString(16)
      .padStart(8, '0') + counter.toString(16).padStart(16, '0')
  );
}

/**
 * The lower-case 24 hex digits that end an ID given prefixed or bare, or undefined.
 * @param {string} raw
 */
export function hexOf(raw) {
  return /(?:^|_)([0-9a-fA-F]{24})$/.exec(raw)?.[1]?.toLowerCase();
}

/** A new request ID: `req_` and 16 hex digits, as the API's examples show. */
export function newRequestId() {
  return `req_${randomBytes(8).toString('hex')}`;
}
