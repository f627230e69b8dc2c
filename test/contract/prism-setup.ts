// Global setup of the contract project: starts the pinned Prism mock on generated/openapi.yaml and
// provides its URL, or, when TEST_API_BASE_URL is set, provides that real server instead.
//
// Vitest runs every project's global setup before any test file starts, so awaiting Prism here
// would hold back the unit tests too. The setup therefore only spawns Prism; readiness is polled in
// the background and reported through a status file that the contract tests wait for
// (target.ts), while the other projects already run.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchPrism } from '../support/prism.js';
import type { PrismStatus } from './target.js';

/** Any bearer token will do: Prism only checks that one is present. */
const PRISM_API_KEY = 'mka_live_prismchecksonlythatakeyispresent';

/** Starts Prism (or selects the real server) and returns the teardown that stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const remote = process.env.TEST_API_BASE_URL;
  if (remote) {
    const apiKey = process.env.MACHA_API_KEY;
    if (!apiKey) throw new Error('TEST_API_BASE_URL is set but MACHA_API_KEY is not: the read-only contract tests need a key with connectors:read for that server');
    project.provide('apiTarget', { kind: 'remote', baseUrl: remote.replace(/\/+$/, ''), apiKey });
    return async () => undefined;
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'macha-prism-'));
  const statusFile = path.join(dir, 'status.json');
  const report = (status: PrismStatus) => {
    writeFileSync(`${statusFile}.tmp`, JSON.stringify(status));
    renameSync(`${statusFile}.tmp`, statusFile);
  };
  const prism = await launchPrism(['mock', 'generated/openapi.yaml']);
  project.provide('apiTarget', { kind: 'prism', baseUrl: prism.baseUrl, apiKey: PRISM_API_KEY, statusFile });
  prism.ready.then(
    () => report({ ok: true, message: `Prism mock answers on ${prism.baseUrl}` }),
    (error: Error) => report({ ok: false, message: error.message }),
  );
  return async () => {
    await prism.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
