// Which servers the contract tests talk to, as the global setup (prism-setup.ts) provided them,
// and the wait for them to be ready.
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { inject } from 'vitest';

/** The server under test: the Prism mock the global setup started, or a real server (read-only). */
export interface ApiTarget {
  kind: 'prism' | 'remote';
  baseUrl: string;
  apiKey: string;
  /** Prism only: the file where the global setup writes whether Prism came up. */
  statusFile?: string;
}

/** What the global setup writes to statusFile once Prism answers or has failed. */
export interface PrismStatus {
  ok: boolean;
  message: string;
}

/** A `prism proxy` whose upstream is a port the fake must listen on. */
export interface FakeProxyTarget {
  baseUrl: string;
  upstreamPort: number;
  statusFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiTarget: ApiTarget;
    fakeProxy: FakeProxyTarget;
  }
}

const WAIT_MS = 120_000;

/** The target, once it is ready; throws with Prism's own output if Prism did not come up. */
export async function apiTarget(): Promise<ApiTarget> {
  const target = inject('apiTarget');
  if (!target)
    throw new Error(
      'no apiTarget was provided: run the contract tests through `npm test` ' +
        '(the contract project has the Prism global setup)',
    );
  if (target.statusFile) await waitForStatus(target.statusFile);
  return target;
}

/** The Prism proxy for the fake, once it is ready. */
export async function fakeProxyTarget(): Promise<FakeProxyTarget> {
  const target = inject('fakeProxy');
  if (!target)
    throw new Error(
      'no fakeProxy was provided: run the contract tests through `npm test` ' +
        '(the contract project has the Prism global setup)',
    );
  await waitForStatus(target.statusFile);
  return target;
}

/** Polls for the status file, which the global setup writes atomically (write, then rename). */
async function waitForStatus(file: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`Prism's readiness was not reported within ${WAIT_MS} ms (no ${file})`);
    await delay(25);
  }
  const status = JSON.parse(readFileSync(file, 'utf8')) as PrismStatus;
  if (!status.ok) throw new Error(status.message);
}
