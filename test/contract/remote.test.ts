// With TEST_API_BASE_URL (and MACHA_API_KEY), the read-only suite runs against that real server;
// otherwise it is skipped here (it runs against the mock in test/mock/read-only.test.ts).
import { describe, inject } from 'vitest';
import { describeReadOnly } from './read-only.js';

// The target as provided, not awaited through apiTarget(): a remote one has nothing to wait for,
// and with Prism this file is skipped, so it must not wait for Prism's start or fail with it.
const target = inject('apiTarget');

describe.runIf(target.kind === 'remote')('against TEST_API_BASE_URL', () => {
  describeReadOnly(`read-only checks on ${target.baseUrl}`, target);
});
