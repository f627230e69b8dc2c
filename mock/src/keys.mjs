// API keys of the mock: each belongs to one org and carries the scopes it was issued with. Keys
// are derived from the seed, so that `npm run mock` prints the same keys on every start.
import { createHash } from 'node:crypto';

/** @typedef {{ token: string, orgId: string, scopes: readonly string[] }} ApiKey */

const BEARER = /^Bearer (mka_live_[A-Za-z0-9]{32})$/;

/**
 * A key ring whose keys are derived from seed and a name.
 * @param {number} seed
 */
export function createKeyRing(seed) {
  /** @type {Map<string, ApiKey>} */
  const keys = new Map();
  let issued = 0;
  return {
    /**
     * Issues `mka_live_<32 letters and digits>` for orgId with these scopes (the same for the same seed and name).
     * @param {string} orgId
     * @param {readonly string[]} scopes
     * @param {string} [name]
     */
    issue(orgId, scopes, name) {
      issued += 1;
      const digest = createHash('sha256')
        .update(`${seed}:${name ?? `key${issued}`}`)
        .digest('base64')
        .replace(/[^A-Za-z0-9]/g, '0');
      const key = { token: `mka_live_${digest.slice(0, 32)}`, orgId, scopes };
      keys.set(key.token, key);
      return key;
    },
    /**
     * The key an Authorization header names, or undefined when missing, malformed or unknown.
     * @param {string | undefined} authorization
     */
    authenticate(authorization) {
      const token = BEARER.exec(authorization ?? '')?.[1];
      return token === undefined ? undefined : keys.get(token);
    },
  };
}
