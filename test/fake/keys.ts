// API keys of the fake: each belongs to one org and carries the scopes it was created with.
import { randomBytes } from 'node:crypto';

/** An issued key. */
export interface ApiKey {
  token: string;
  orgId: string;
  scopes: readonly string[];
}

/** The keys the fake accepts. */
export interface KeyRing {
  /** Issues a new `mka_live_<32 letters and digits>` key for orgId with these scopes. */
  issue(orgId: string, scopes: readonly string[]): ApiKey;
  /** The key an `Authorization` header names, or undefined if it is missing, malformed or unknown. */
  authenticate(authorization: string | undefined): ApiKey | undefined;
}

const BEARER = /^Bearer (mka_live_[A-Za-z0-9]{32})$/;

/** An empty key ring. */
export function createKeyRing(): KeyRing {
  const keys = new Map<string, ApiKey>();
  return {
    issue(orgId, scopes) {
      const token = `mka_live_${randomBytes(24).toString('base64url').replace(/[-_]/g, '0').slice(0, 32)}`;
      const key = { token, orgId, scopes };
      keys.set(token, key);
      return key;
    },
    authenticate(authorization) {
      const token = BEARER.exec(authorization ?? '')?.[1];
      return token === undefined ? undefined : keys.get(token);
    },
  };
}
