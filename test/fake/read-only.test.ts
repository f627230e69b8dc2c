// The read-only suite meant for a real server (test/contract/read-only.ts), run against the fake
// so that it is exercised on every run.
import { afterAll } from 'vitest';
import { describeReadOnly } from '../contract/read-only.js';
import { startWorld, UNLIMITED } from './world.js';

const world = await startWorld({ connectors: 250, windows: UNLIMITED });
afterAll(() => world.fake.close());

describeReadOnly('read-only checks on the fake', { baseUrl: world.fake.baseUrl, apiKey: world.keys.full.token });
