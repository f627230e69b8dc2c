// The Arazzo workflows of spec/workflows/ (the README's seed workflow, a walk over every connector
// page, an idempotent create and its replay): Redocly lints them, and `redocly respect` (the pinned
// @redocly/cli, through node on its bin) runs them against the mock, and against TEST_API_BASE_URL
// with MACHA_API_KEY when that is set.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/spec-copy.js';
import { expectNoViolations, startWorld } from './world.js';

const REDOCLY = path.join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const WORKFLOWS = path.join(ROOT, 'spec', 'workflows', 'macha.arazzo.yaml');
/** The workflows a user runs; walkConnectorsFrom is the loop walkConnectors calls, not run on its own. */
const RUN = ['readOnlyAgent', 'walkConnectors', 'idempotentCreate'];

const world = await startWorld({ connectors: 37 });
expectNoViolations(() => world);
const dir = mkdtempSync(path.join(tmpdir(), 'macha-respect-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await world.mock.close();
});

/** Runs node <redocly> <args> (async: the mock shares this process); resolves with exit code and output. */
function redocly(args: string[]): Promise<{ code: number; output: string }> {
  return promisify(execFile)(process.execPath, [REDOCLY, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

/** Runs the workflows with respect against baseUrl; resolves with each workflow's outcome and the exit code. */
async function respect(baseUrl: string, apiKey: string, connectorId: string) {
  const report = path.join(dir, `respect-${randomUUID()}.json`);
  const suffix = randomUUID().replaceAll('-', '').slice(0, 8);
  const { code, output } = await redocly([
    'respect',
    WORKFLOWS,
    // walkConnectorsFrom is not run on its own: it needs the cursor walkConnectors passes it.
    '--skip',
    'walkConnectorsFrom',
    '--server',
    `macha=${baseUrl}`,
    '--input',
    `apiKey=${apiKey}`,
    '--input',
    `connectorId=${connectorId}`,
    '--input',
    `agentHandle=arazzo${suffix}`,
    '--input',
    `replayHandle=replay${suffix}`,
    '--input',
    `idempotencyKey=${randomUUID()}`,
    '--json-output',
    report,
  ]);
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    files: Record<string, { executedWorkflows: Array<{ workflowId: string; status: string }> }>;
  };
  const outcomes = Object.values(json.files).flatMap((file) =>
    file.executedWorkflows.map((workflow) => [workflow.workflowId, workflow.status]),
  );
  return { code, output, outcomes };
}

describe('Arazzo workflows (spec/workflows)', () => {
  test('redocly lint accepts them', async () => {
    const { code, output } = await redocly(['lint', WORKFLOWS]);
    expect(code, output).toBe(0);
  });

  test('redocly respect runs them against the mock: every workflow and step passes', async () => {
    const before = world.agents().length;
    const { code, output, outcomes } = await respect(world.mock.url, world.keys.full, world.connectors[0]?.id ?? '');
    expect(outcomes, output).toEqual(RUN.map((id) => [id, 'success']));
    expect(code).toBe(0);
    // The seed workflow created one agent and the idempotent pair one more, not two.
    expect(world.agents()).toHaveLength(before + 2);
  }, 120_000);

  const remote = process.env.TEST_API_BASE_URL;
  test.runIf(remote)(
    'redocly respect runs them against TEST_API_BASE_URL',
    async () => {
      const connectorId = process.env.TEST_CONNECTOR_ID ?? 'connector_64f1c0ef2ec711ef6dc1dcf0';
      const { code, output, outcomes } = await respect(String(remote), String(process.env.MACHA_API_KEY), connectorId);
      expect(outcomes, output).toEqual(RUN.map((id) => [id, 'success']));
      expect(code).toBe(0);
    },
    120_000,
  );
});
