// The move of a run's outputs into generated/ and dist/ is one transaction: a process killed at
// any point of it (MACHA_GENERATE_FAULT names the point) leaves no file torn and no folder missing,
// and the next run's recovery makes generated/ and dist/ entirely old or entirely new.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { faultPoints, JOURNAL, moveIntoPlace, recoverMove, scratchOutputs } from '../../scripts/lib/move.mjs';

const MOVE = path.resolve(import.meta.dirname, '../../scripts/lib/move.mjs');

/** Every file under dir, relative to it, with its text (journal and leftovers included). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const top of ['generated', 'dist']) {
    const base = path.join(dir, top);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file)] = readFileSync(file, 'utf8');
    }
  }
  return files;
}

/** A project with old outputs, and a scratch folder with new ones (one output new, one gone, one added). */
function project(): { root: string; scratch: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'macha-move-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  for (const name of ['openapi.yaml', 'openapi.json', 'schema.ts']) write(`generated/${name}`, `old ${name}`);
  write('generated/README.md', 'kept');
  write('dist/docs/index.html', 'old docs');
  write('dist/package/src/index.js', 'old package');
  write('dist/package/src/old-only.js', 'old only');
  const scratch = 'dist/.generate-test';
  for (const name of ['openapi.yaml', 'openapi.json', 'schema.ts', 'operations.ts'])
    write(`${scratch}/generated/${name}`, `new ${name}`);
  write(`${scratch}/dist/docs/index.html`, 'new docs');
  write(`${scratch}/dist/package/src/index.js`, 'new package');
  return { root, scratch: path.join(root, scratch) };
}

const OLD = {
  'generated/README.md': 'kept',
  'generated/openapi.json': 'old openapi.json',
  'generated/openapi.yaml': 'old openapi.yaml',
  'generated/schema.ts': 'old schema.ts',
  'dist/docs/index.html': 'old docs',
  'dist/package/src/index.js': 'old package',
  'dist/package/src/old-only.js': 'old only',
};
const NEW = {
  'generated/README.md': 'kept',
  'generated/openapi.json': 'new openapi.json',
  'generated/openapi.yaml': 'new openapi.yaml',
  'generated/operations.ts': 'new operations.ts',
  'generated/schema.ts': 'new schema.ts',
  'dist/docs/index.html': 'new docs',
  'dist/package/src/index.js': 'new package',
};

/** Runs the move in a child process that MACHA_GENERATE_FAULT kills at `point`. */
function killedMove(root: string, scratch: string, point: string) {
  const script = `
    import { moveIntoPlace, scratchOutputs } from ${JSON.stringify(MOVE)};
    const [root, scratch] = process.argv.slice(1);
    await moveIntoPlace(root, scratch, await scratchOutputs(scratch));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script, root, scratch], {
    encoding: 'utf8',
    env: { ...process.env, MACHA_GENERATE_FAULT: point },
  });
}

describe('the move into generated/ and dist/', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  test('without a fault: everything new, nothing left behind', async () => {
    const { root, scratch } = project();
    roots.push(root);
    await moveIntoPlace(root, scratch, await scratchOutputs(scratch));
    expect(snapshot(root)).toEqual(NEW);
  });

  const outputs = 6; // four files of generated/, dist/docs, dist/package
  test.each(
    faultPoints(outputs),
  )('killed at %s: every file whole, then recovered to all old or all new', async (point) => {
    const { root, scratch } = project();
    roots.push(root);
    const killed = killedMove(root, scratch, point);
    expect(killed.signal, `${killed.stdout}${killed.stderr}`).toBe('SIGKILL');
    // Right after the kill: each output is wholly its old or its new text (or moved aside whole).
    const torn = Object.entries(snapshot(root)).filter(
      ([file, text]) => file !== JOURNAL && !/^(old|new) |^kept$/.test(text),
    );
    expect(torn).toEqual([]);
    expect(existsSync(path.join(root, JOURNAL))).toBe(true);
    const message = await recoverMove(root);
    expect(message).toMatch(/interrupted run/);
    const after = snapshot(root);
    // Before the journal says "done" the move is rolled back; after, it is finished.
    const expected = faultPoints(outputs).indexOf(point) < faultPoints(outputs).indexOf('done') ? OLD : NEW;
    expect(after).toEqual(expected);
    expect(readdirSync(path.join(root, 'dist')).filter((name) => name.startsWith('.'))).toEqual([]);
    // Recovery is done: a second one finds nothing.
    expect(await recoverMove(root)).toBeUndefined();
  });

  test('a failure in the middle rolls back before it is reported, naming the path', async () => {
    const { root, scratch } = project();
    roots.push(root);
    // The last output is missing from scratch: its rename fails after the others have moved.
    const outputs = [...(await scratchOutputs(scratch)), 'generated/missing.ts'];
    await expect(moveIntoPlace(root, scratch, outputs)).rejects.toMatchObject({
      code: 'ENOENT',
      path: expect.stringContaining('missing.ts'),
    });
    // The old outputs are back; the run's scratch folder is gone with the journal.
    expect(snapshot(root)).toEqual(OLD);
    expect(existsSync(path.join(root, JOURNAL))).toBe(false);
  });
});
