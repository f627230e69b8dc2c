// With TEST_API_BASE_URL (and MACHA_API_KEY), the read-only suite runs against that real server;
// otherwise it is skipped here (it runs against the fake in test/fake/read-only.test.ts).
import { describe } from 'vitest';
import { describeReadOnly } from './read-only.js';
import { apiTarget } from './target.js';

const target = await apiTarget();

describe.runIf(target.kind === 'remote')('against TEST_API_BASE_URL', () => {
  describeReadOnly(`read-only checks on ${target.baseUrl}`, target);
});
