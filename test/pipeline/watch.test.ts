// `npm run generate:watch`: an edit the lint rejects writes nothing into generated/ (its problems
// are printed instead), and a folder under spec/ that is deleted and restored is still watched.
import { spawn } from 'node:child_process';
import { renameSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Cycle, generateWatch } from '../../scripts/generate-watch.mjs';
import { withLog } from '../../scripts/lib/steps.mjs';
import { copySpec, ROOT, type SpecCopy } from '../support/spec-copy.js';

const TOOL = 'spec/components/schemas/Tool.yaml';

describe('npm run generate:watch', () => {
  let copy: SpecCopy;
  let stop: () => Promise<void>;
  let output = '';
  const cycles: Cycle[] = [];
  const waiting: ((cycle: Cycle) => void)[] = [];

  /** The next watch cycle that ends after now. */
  const nextCycle = () => new Promise<Cycle>((resolve) => waiting.push(resolve));

  beforeAll(async () => {
    copy = copySpec({ withGenerated: true });
    stop = await withLog({ write: (text: string) => (output += text) }, () =>
      generateWatch({
        root: copy.dir,
        onCycle: (cycle) => {
          cycles.push(cycle);
          for (const resolve of waiting.splice(0)) resolve(cycle);
        },
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await stop?.();
    copy?.remove();
  });

  test('an edit the lint rejects leaves generated/ untouched and prints the problem', async () => {
    const before = copy.read('generated/schema.ts');
    const cycle = nextCycle();
    // `label` renamed while `required` still lists it: the types would change, Redocly refuses.
    copy.edit(TOOL, '  label:\n', '  labe:\n');
    expect(await cycle).toMatchObject({ typesWritten: false, generated: false });
    expect(copy.read('generated/schema.ts') === before, 'generated/schema.ts was rewritten').toBe(true);
    expect(output).toMatch(
      /spec\/components\/schemas\/Tool\.yaml:\d+:\d+ error no-required-schema-properties-undefined/,
    );
    const fixed = nextCycle();
    copy.edit(TOOL, '  labe:\n', '  label:\n');
    expect(await fixed).toMatchObject({ typesWritten: true, generated: true });
  }, 180_000);

  test('a folder deleted and restored under spec/ is still watched', async () => {
    const schemas = path.join(copy.dir, 'spec', 'components', 'schemas');
    const aside = path.join(copy.dir, 'schemas-aside');
    const broken = nextCycle();
    renameSync(schemas, aside);
    expect(await broken).toMatchObject({ typesWritten: false });
    // Restored: cycles run until the spec is whole again (a restore can arrive as several batches).
    renameSync(aside, schemas);
    while (!(await nextCycle()).generated);
    const edited = nextCycle();
    copy.edit(TOOL, 'A tool a connector exposes to agents.', 'A tool, edited after the folder came back.');
    expect(await edited).toMatchObject({ typesWritten: true, generated: true });
    expect(copy.read('generated/schema.ts')).toContain('A tool, edited after the folder came back.');
  }, 240_000);
});

describe('the generate:watch script', () => {
  let copy: SpecCopy | undefined;
  afterAll(() => copy?.remove());

  test('run as `npm run generate:watch`, a save rewrites generated/schema.ts', async () => {
    copy = copySpec({ withGenerated: true });
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'generate-watch.mjs')], { cwd: copy.dir });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    // Waits on what the script prints: the file is renamed into place before its line is logged,
    // so waiting on the file and then reading the output raced the pipe.
    const printed = async (pattern: RegExp) => {
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`generate:watch exited:\n${output}`);
        await sleep(50);
      }
    };
    try {
      await printed(/watching spec\//);
      copy.edit(TOOL, 'A tool a connector exposes to agents.', 'A tool, saved while the script watches.');
      await printed(/types: generated\/schema\.ts updated/);
      expect(copy.read('generated/schema.ts')).toContain('A tool, saved while the script watches.');
    } finally {
      child.kill();
    }
  }, 180_000);
});
