// The README's client example, as a user would paste it, against the mock: the snippet is read
// out of README.md at test time (never copied here), bundled with esbuild and run in a process of
// its own with the two lines `npm run mock` prints (MACHA_BASE_URL, MACHA_API_KEY) in its env.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/spec-copy.js';
import { expectNoViolations, startWorld } from './world.js';

/** The first TypeScript block of README.md that creates a client. */
function readmeExample(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const example = blocks.find((block) => block.includes('createMachaClient('));
  if (!example) throw new Error('README.md: no ```ts block calls createMachaClient(: update test/mock/readme.test.ts');
  return example;
}

const world = await startWorld({ connectors: 37 });
expectNoViolations(() => world);
const dir = mkdtempSync(path.join(tmpdir(), 'macha-readme-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await world.mock.close();
});

describe("the README's client example against the mock", () => {
  test('runs unchanged: creates the agent from the connector read tools and lists every connector', async () => {
    const outfile = path.join(dir, 'example.mjs');
    await build({
      stdin: { contents: readmeExample(), loader: 'ts', resolveDir: ROOT, sourcefile: 'README.md' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      alias: { '@macha/api-client': path.join(ROOT, 'src', 'index.ts') },
      outfile,
      logLevel: 'silent',
    });
    // Not spawnSync: the mock answers from this process's event loop.
    const run = await promisify(execFile)(process.execPath, [outfile], {
      env: { ...process.env, MACHA_BASE_URL: world.mock.url, MACHA_API_KEY: world.keys.full },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    const [created = '', ...listed] = run.stdout.trim().split('\n');
    const agent = world.agents().find((candidate) => candidate.handle === 'readOnlyZendesk');
    expect(created).toMatch(new RegExp(`^${String(agent?.id)} req_[0-9a-f]{16}$`));
    expect(agent).toMatchObject({ name: 'Read-only Zendesk', tools_count: 1 });
    // `${name} ${status}` of every connector of the org, newest first, each once.
    expect(listed).toEqual(world.connectors.map((connector) => `${connector.name} ${connector.status}`).reverse());
  });
});
