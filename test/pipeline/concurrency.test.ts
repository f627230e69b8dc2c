// Runs of `npm run generate` on one project: a second run waits for the first (and says so), a lock
// left by a killed run is taken over, a run killed while moving its outputs is rolled back by the
// next one, and file-system errors are one line naming the path, never a stack trace.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { GENERATED_FILES, LOCK } from '../../scripts/generate.mjs';
import { JOURNAL } from '../../scripts/lib/move.mjs';
import { failureText } from '../../scripts/lib/steps.mjs';
import { copySpec, ROOT, type SpecCopy } from '../support/spec-copy.js';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const committed = () => GENERATED_FILES.map((file) => readFileSync(path.join(ROOT, 'generated', file), 'utf8'));

/** Runs scripts/generate.mjs in its own process on the copy; resolves when it exits. */
function runGenerate(copy: SpecCopy, env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; signal: string | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'generate.mjs')], {
      cwd: copy.dir,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // 'close', not 'exit': 'exit' can come before the last output has been read from the pipes.
    child.on('close', (status, signal) => resolve({ status, signal, output }));
  });
}

describe('npm run generate, run by several processes or killed', () => {
  let copy: SpecCopy | undefined;
  afterEach(() => copy?.remove());

  test('two runs at once: the second waits, both succeed, generated/ is whole', async () => {
    copy = copySpec({ withGenerated: true });
    const [first, second] = await Promise.all([runGenerate(copy), runGenerate(copy)]);
    for (const run of [first, second]) {
      expect(run.status, run.output).toBe(0);
      expect(run.output).not.toMatch(STACK_LINE);
    }
    expect(`${first.output}${second.output}`).toMatch(/waiting for the run of process \d+ on this project/);
    expect(GENERATED_FILES.map((file) => copy?.read(`generated/${file}`))).toEqual(committed());
    expect(existsSync(path.join(copy.dir, LOCK))).toBe(false);
  }, 240_000);

  test('a lock left by a process that is gone is taken over', async () => {
    copy = copySpec({ withGenerated: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(path.join(copy.dir, 'dist'), { recursive: true });
    writeFileSync(path.join(copy.dir, LOCK), gone.stdout);
    const run = await copy.runInProcess('generate.mjs');
    expect(run.status, run.output).toBe(0);
    expect(run.output).not.toContain('waiting');
    expect(existsSync(path.join(copy.dir, LOCK))).toBe(false);
  }, 120_000);

  test('a run killed while moving its outputs is rolled back by the next run', async () => {
    copy = copySpec({ withGenerated: true });
    await runGenerate(copy); // dist/ as well as generated/ hold the old outputs
    const oldDocs = copy.read('dist/docs/index.html');
    copy.edit('spec/components/schemas/Tool.yaml', 'A tool a connector exposes to agents.', 'An edited tool.');
    // in-2: three of the six outputs (openapi.json, openapi.yaml, operations.ts) are new, the rest old.
    const killed = await runGenerate(copy, { MACHA_GENERATE_FAULT: 'in-2' });
    expect(killed.signal, killed.output).toBe('SIGKILL');
    expect(existsSync(path.join(copy.dir, JOURNAL))).toBe(true);
    // The next run recovers first, then fails on a broken spec: what is left is the recovered state.
    copy.edit('spec/components/schemas/Tool.yaml', '  label:\n', '  label:\n    $ref: ./Missing.yaml\n');
    const next = await copy.runInProcess('generate.mjs');
    expect(next.status, next.output).toBe(1);
    expect(next.output).toContain('rolled back to the previous outputs');
    expect(GENERATED_FILES.map((file) => copy?.read(`generated/${file}`))).toEqual(committed());
    expect(copy.read('dist/docs/index.html') === oldDocs, 'dist/docs/index.html is not the old page').toBe(true);
    expect(existsSync(path.join(copy.dir, JOURNAL))).toBe(false);
  }, 240_000);

  test('a missing file is one line naming its path, no stack trace', async () => {
    copy = copySpec({ withGenerated: true });
    rmSync(path.join(copy.dir, 'package.json'));
    const run = await copy.runInProcess('generate.mjs');
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/package\.json: no such file or folder \(ENOENT\)/);
    expect(run.output).not.toMatch(STACK_LINE);
    expect(GENERATED_FILES.map((file) => copy?.read(`generated/${file}`))).toEqual(committed());
  }, 120_000);

  test('a read-only dist/docs/ is replaced whole, like every output', async () => {
    copy = copySpec({ withGenerated: true });
    await runGenerate(copy);
    copy.edit('spec/components/schemas/Tool.yaml', 'A tool a connector exposes to agents.', 'A read-only edit.');
    chmodSync(path.join(copy.dir, 'dist', 'docs'), 0o555);
    // root ignores permissions: the run is made as `nobody`, who owns the copy.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in asUser) execFileSync('chown', ['-R', '65534:65534', copy.dir]);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate.mjs')], {
      cwd: copy.dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      ...asUser,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(copy.read('generated/schema.ts')).toContain('A read-only edit.');
    expect(copy.read('dist/docs/index.html')).toContain('A read-only edit.');
    // Nothing of the move is left: no journal, no old output aside, no scratch folder.
    const leftovers = readdirSync(path.join(copy.dir, 'dist')).filter((name) => /^\.generate-|\.old-/.test(name));
    expect(leftovers).toEqual([]);
  }, 240_000);

  test.each([
    ['EACCES', 'permission denied'],
    ['ENOSPC', 'no space left on the device'],
    ['ENOENT', 'no such file or folder'],
  ])('%s is reported as one line naming the path', (code, meaning) => {
    const error = Object.assign(new Error(`${code}: raw message`), { code, path: '/project/dist/docs' });
    expect(failureText(error)).toBe(`/project/dist/docs: ${meaning} (${code})`);
  });
});
