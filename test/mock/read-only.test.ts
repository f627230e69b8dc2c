// The read-only suite meant for a real server (test/contract/read-only.ts), run against the mock
// so that it is exercised on every run.
import { afterAll } from 'vitest';
import { describeReadOnly } from '../contract/read-only.js';
import { startWorld, UNLIMITED, expectNoViolations } from './world.js';

const world = await startWorld({ connectors: 250, windows: UNLIMITED });
expectNoViolations(() => world);
afterAll(() => world.mock.close());

describeReadOnly('read-only checks on the mock', { baseUrl: world.mock.url, apiKey: world.keys.full });
