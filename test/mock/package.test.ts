// What a user of @macha/api-mock gets: the package built by buildMockPackage (the pipeline step)
// and packed by `npm pack` installs into a fresh project with nothing else, compiles there with
// `strict: true` under moduleResolution "bundler" and "node16", and runs: startMockServer serves
// the seeded world, reset() restores it, and the `macha-mock` bin prints the lines to paste.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildMockPackage } from '../../scripts/lib/mock-package.mjs';
import { bundle } from '../support/bundle.js';
import { consumerTsconfig } from '../support/packed.js';
import { ROOT } from '../support/spec-copy.js';

const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A test of the mock as an application's test suite would write it, printing what it saw as JSON. */
const PROGRAM = `import { README_CONNECTOR_ID, startMockServer, type MockServer } from '@macha/api-mock';

const mock: MockServer = await startMockServer({ seed: 4 });
const get = (path: string, key: string = mock.keys.full) =>
  fetch(mock.url + path, { headers: { authorization: 'Bearer ' + key } });
const page = await (await get('/connectors?limit=10')).json();
const readme = await (await get('/connectors/' + README_CONNECTOR_ID)).json();
const created = await fetch(mock.url + '/agents', {
  method: 'POST',
  headers: { authorization: 'Bearer ' + mock.keys.full, 'content-type': 'application/json' },
  body: JSON.stringify({ handle: 'packaged', name: 'Packaged', instructions: 'x' }),
});
const agentsAfterCreate = mock.world.items('org_a', 'agents').length;
mock.reset();
const agentsAfterReset = mock.world.items('org_a', 'agents').length;
const readOnly = { authorization: 'Bearer ' + mock.keys.readOnly };
const forbidden = (await fetch(mock.url + '/agents', { method: 'POST', headers: readOnly })).status;
await mock.close();
console.log(JSON.stringify({
  pageSize: page.data.length,
  hasNext: typeof page.meta.next_cursor === 'string',
  readme: readme.data.id,
  created: created.status,
  agentsAfterCreate,
  agentsAfterReset,
  forbidden,
  violations: mock.violations,
}));
`;

describe('@macha/api-mock packed, installed alone in a fresh project', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'macha-mock-build-'));
  const project = mkdtempSync(path.join(tmpdir(), 'macha-mock-consumer-'));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  });
  beforeAll(async () => {
    await buildMockPackage({ root: ROOT, bundle, scratch });
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], {
      cwd: path.join(scratch, 'dist', 'mock-package'),
      encoding: 'utf8',
    });
    const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    execFileSync(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(scratch, filename)],
      {
        cwd: project,
        stdio: 'pipe',
      },
    );
    writeFileSync(path.join(project, 'main.ts'), PROGRAM);
  }, 120_000);

  test('has no dependencies, so installing it (or the client) pulls nothing of the other', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(project, 'node_modules', '@macha', 'api-mock', 'package.json'), 'utf8'),
    ) as { dependencies?: object; bin: Record<string, string> };
    const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(lock.packages).filter((key) => key !== '')).toEqual(['node_modules/@macha/api-mock']);
    const client = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: object };
    expect(Object.keys(client.dependencies)).not.toContain('@macha/api-mock');
    expect(Object.keys(client.dependencies).filter((name) => name.startsWith('ajv'))).toEqual([]);
    expect(manifest.bin).toEqual({ 'macha-mock': 'bin/macha-mock.js' });
  });

  test.each(['bundler', 'node16'] as const)('compiles with strict: true under moduleResolution %s', (resolution) => {
    writeFileSync(path.join(project, `tsconfig.${resolution}.json`), JSON.stringify(consumerTsconfig(resolution)));
    const result = spawnSync(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('runs: pages at limit=10, README connector, create, reset, scopes, no spec violation', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['out-node16/main.js'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(stderr).toBe('');
    const seen = JSON.parse(stdout) as { agentsAfterCreate: number; agentsAfterReset: number };
    expect(seen).toEqual({
      pageSize: 10,
      hasNext: true,
      readme: 'connector_64f1c0ef2ec711ef6dc1dcf0',
      created: 201,
      agentsAfterCreate: seen.agentsAfterReset + 1,
      agentsAfterReset: expect.any(Number),
      forbidden: 403,
      violations: [],
    });
  });

  test('the macha-mock bin prints the exports and serves with the printed key', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'macha-mock');
    const child = execFile(bin, ['--port', '0'], { cwd: project });
    try {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // Up to the banner's last line: a key read from a chunk that ends inside it would be cut short.
      const exited = once(child, 'exit');
      while (!/^Ctrl-C stops it\.$/m.test(output)) {
        await Promise.race([once(child.stdout!, 'data'), exited]);
        if (child.exitCode !== null) throw new Error(`macha-mock exited early:\n${output}`);
      }
      const baseUrl = /export MACHA_BASE_URL=(\S+)/.exec(output)?.[1];
      const key = /export MACHA_API_KEY=(\S+)/.exec(output)?.[1];
      const response = await fetch(`${baseUrl}/connectors`, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
  });
});
