// What an application developer gets, on every supported Node: the tarball `npm pack` makes
// installs into a fresh project, compiles there (strict, under moduleResolution "bundler" and
// "node16") and runs the seed's three-step workflow (retrieve a connector, pick its read tools,
// create an agent) against the Prism mock, under Node 20, 22 and 24. The Node binaries other than
// the running one come from the npm registry's node-<platform>-<arch> packages, installed into a
// cache folder with npm: this test needs the registry (or that cache) the first time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consumerTsconfig, packTarball } from '../support/packed.js';
import { ROOT } from '../support/spec-copy.js';
import { apiTarget, type ApiTarget } from './target.js';

const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** The Node majors the package supports (README's policy: every maintained LTS line). */
const NODE_MAJORS = [20, 22, 24] as const;
/** Where Node binaries from the registry are kept between runs. */
const NODE_CACHE = path.join(tmpdir(), 'macha-node-binaries');

/** The seed's workflow as an application would write it, printing what it got as JSON. */
const WORKFLOW = `import { createMachaClient, isMachaError, toolRefs } from '@macha/api-client';
import type { ConnectorDetail, ToolRef } from '@macha/api-client';

declare const process: { env: Record<string, string | undefined>; exitCode?: number; versions: { node: string } };

const macha = createMachaClient({ baseUrl: process.env.MACHA_BASE_URL });
try {
  const id = 'connector_64f1c0ef2ec711ef6dc1dcf0';
  const { data: connector }: { data: ConnectorDetail } = await macha.connectors.retrieve(id);
  const tools: ToolRef[] = toolRefs(connector);
  const { data: agent, meta } = await macha.agents.create({
    handle: 'readOnlyZendesk',
    name: 'Read-only Zendesk',
    instructions: 'Answer questions using Zendesk data. Never modify tickets.',
    tools,
  });
  const node = process.versions.node.split('.')[0];
  console.log(JSON.stringify({ node, tools, agentId: agent.id, requestId: meta.request_id }));
} catch (error) {
  if (isMachaError(error)) console.error(error.status, error.code, error.message);
  process.exitCode = 1;
}
`;

/** The node binary of a major: this process's, or one installed from the registry into NODE_CACHE. */
function nodeBinary(major: number): string {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const name = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const prefix = path.join(NODE_CACHE, String(major));
  const binary = path.join(prefix, 'node_modules', name, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `${name}@${major}`], {
      stdio: 'pipe',
    });
  }
  return binary;
}

describe.each(NODE_MAJORS)('the packed package in a fresh project, under Node %i', (major) => {
  let project = '';
  let node = '';
  let target: ApiTarget;
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  beforeAll(async () => {
    node = nodeBinary(major);
    project = mkdtempSync(path.join(tmpdir(), 'macha-consumer-'));
    target = await apiTarget();
    const { tarball, remove } = packTarball();
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    try {
      // --prefer-offline: openapi-fetch comes from the cache `npm ci` filled, the registry otherwise.
      execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
        cwd: project,
        stdio: 'pipe',
      });
    } finally {
      remove();
    }
    writeFileSync(path.join(project, 'main.ts'), WORKFLOW);
  }, 300_000);

  test('the Node binary is that major', () => {
    expect(execFileSync(node, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim()).toBe(
      String(major),
    );
  });

  test.each(['bundler', 'node16'] as const)('compiles with strict: true under moduleResolution %s', (resolution) => {
    writeFileSync(
      path.join(project, `tsconfig.${resolution}.json`),
      JSON.stringify(consumerTsconfig(resolution, { exactOptionalPropertyTypes: true })),
    );
    const result = spawnSync(node, [TSC, '-p', `tsconfig.${resolution}.json`], { cwd: project, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
    // tsc takes its time on a busy machine (the whole suite in parallel).
  }, 180_000);

  test("runs the seed's workflow against the Prism mock: retrieve, pick read tools, create", () => {
    for (const resolution of ['bundler', 'node16'] as const) {
      const result = spawnSync(node, [`out-${resolution}/main.js`], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, MACHA_API_KEY: target.apiKey, MACHA_BASE_URL: target.baseUrl, MACHA_LOG: 'off' },
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        node: String(major),
        tools: [{ name: 'zendesk_get_ticket', connector_id: 'connector_64f1c0ef2ec711ef6dc1dcf0' }],
        agentId: expect.stringMatching(/^agent_[0-9a-f]{24}$/),
        requestId: expect.stringMatching(/^req_/),
      });
    }
  }, 60_000);
});
