// Global setup of the contract project. Starts the pinned Prism twice: as a mock on
// generated/openapi.yaml (skipped when TEST_API_BASE_URL names a real server to test instead), and
// as a proxy in front of the port where fake-proxy.test.ts will start the mock (mock/).
//
// Vitest runs every project's global setup before any test file starts, so awaiting Prism here
// would hold back the unit tests too. The setup therefore only spawns Prism; readiness is polled in
// the background and reported through a status file that the contract tests wait for
// (target.ts), while the other tests already run.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, launchPrism, type PrismProcess } from '../support/prism.js';
import type { PrismStatus } from './target.js';

/** Any bearer token will do: Prism only checks that one is present. */
const PRISM_API_KEY = 'mka_live_prismchecksonlythatakeyispresent';

/** Starts the Prism processes and returns the teardown that stops them (and only them). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'macha-prism-'));
  const started: PrismProcess[] = [];
  // A run shorter than Prism's start-up (one file, all skipped) tears down before Prism reports.
  let tornDown = false;
  /** Spawns Prism and writes its readiness to <dir>/<name>.json once known. */
  const launch = async (name: string, args: string[]) => {
    const statusFile = path.join(dir, `${name}.json`);
    const prism = await launchPrism(args);
    started.push(prism);
    const report = (status: PrismStatus) => {
      if (tornDown) return;
      writeFileSync(`${statusFile}.tmp`, JSON.stringify(status));
      renameSync(`${statusFile}.tmp`, statusFile);
    };
    prism.ready.then(
      () => report({ ok: true, message: `Prism ${name} answers on ${prism.baseUrl}` }),
      (error: Error) => report({ ok: false, message: error.message }),
    );
    return { baseUrl: prism.baseUrl, statusFile };
  };

  const remote = process.env.TEST_API_BASE_URL;
  if (remote) {
    const apiKey = process.env.MACHA_API_KEY;
    if (!apiKey)
      throw new Error(
        'TEST_API_BASE_URL is set but MACHA_API_KEY is not: ' +
          'the read-only contract tests need a key with connectors:read for that server',
      );
    project.provide('apiTarget', { kind: 'remote', baseUrl: remote.replace(/\/+$/, ''), apiKey });
  } else {
    project.provide('apiTarget', {
      kind: 'prism',
      apiKey: PRISM_API_KEY,
      ...(await launch('mock', ['mock', 'generated/openapi.yaml'])),
    });
  }
  const upstreamPort = await freePort();
  project.provide('fakeProxy', {
    upstreamPort,
    ...(await launch('proxy', ['proxy', 'generated/openapi.yaml', `http://127.0.0.1:${upstreamPort}`])),
  });

  return async () => {
    tornDown = true;
    await Promise.all(started.map((prism) => prism.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
}
