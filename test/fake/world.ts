// A fake with the orgs, keys and connectors most tests need: org A with `connectors` connectors
// and keys of every scope combination, org B with one connector and its own key.
import type { ConnectorDetail } from '../../generated/schema.js';
import type { ApiKey } from './keys.js';
import { startFake, type FakeMacha, type FakeOptions } from './server.js';

/** A started fake and its fixtures. */
export interface World {
  fake: FakeMacha;
  /** Org A's connectors, oldest first. */
  connectors: ConnectorDetail[];
  /** Org B's one connector. */
  otherOrgConnector: ConnectorDetail;
  keys: {
    /** connectors:read and agents:write on org A. */
    full: ApiKey;
    readOnly: ApiKey;
    writeOnly: ApiKey;
    /** connectors:read and agents:write on org B. */
    otherOrg: ApiKey;
  };
}

/** The scopes this spec's operations need. */
export const ALL_SCOPES = ['connectors:read', 'agents:write'] as const;

/** Starts a fake holding the fixtures. */
export async function startWorld(options: FakeOptions & { connectors?: number } = {}): Promise<World> {
  const fake = await startFake(options);
  // One second apart, so that created_at orders them as their IDs do.
  const connectors = Array.from({ length: options.connectors ?? 3 }, () => {
    fake.clock.advance(1_000);
    return fake.store.addConnector('org_a');
  });
  return {
    fake,
    connectors,
    otherOrgConnector: fake.store.addConnector('org_b'),
    keys: {
      full: fake.keys.issue('org_a', ALL_SCOPES),
      readOnly: fake.keys.issue('org_a', ['connectors:read']),
      writeOnly: fake.keys.issue('org_a', ['agents:write']),
      otherOrg: fake.keys.issue('org_b', ALL_SCOPES),
    },
  };
}

/** Rate-limit windows no test run reaches, for suites that are not about rate limits. */
export const UNLIMITED = [{ limit: 1_000_000, windowMs: 60_000 }];
