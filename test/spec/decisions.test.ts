// The decisions file (docs/decisions.yaml) against the bundle: every decision points at a node that
// exists, no "Decision:" note is left in a reader-facing description, a stale pointer fails the
// lint with a message naming it, and docs/decisions.md is the table generated from the file.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  DECISIONS_FILE,
  DECISIONS_TABLE,
  decisionProblems,
  readDecisions,
  writeDecisions,
} from '../../scripts/lib/decisions.mjs';
import { bundle } from '../support/bundle.js';
import { ROOT } from '../support/spec-copy.js';

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'decisions-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A project folder whose decisions file has this text. */
async function rootWith(text: string): Promise<string> {
  const root = path.join(scratch, 'root');
  await mkdir(path.join(root, 'docs'), { recursive: true });
  await writeFile(path.join(root, DECISIONS_FILE), text);
  return root;
}

describe('decisions', () => {
  test('every decision points at a node of the bundle, and no description keeps a Decision: note', async () => {
    expect(await decisionProblems({ root: ROOT, bundle })).toEqual([]);
    expect((await readDecisions(ROOT)).length).toBeGreaterThan(50);
  });

  test('a decision whose node was renamed away fails the lint, naming the pointer', async () => {
    const root = await rootWith(
      [
        "'#/components/schemas/HexColor':",
        '  docs: a',
        '  chose: b',
        '  why: c',
        "'#/components/schemas/Colour':",
        '  docs: a',
        '  chose: b',
        '  why: c',
      ].join('\n'),
    );
    expect(await decisionProblems({ root, bundle })).toEqual([
      "docs/decisions.yaml: '#/components/schemas/Colour' points at nothing in the bundle; " +
        'move it to its node, or delete it',
    ]);
  });

  test('an entry without its reason, or keyed by something else than a pointer, is reported', async () => {
    const root = await rootWith(
      ["'#/components/schemas/HexColor':", '  docs: a', '  chose: b', 'HexColor:', '  docs: a'].join('\n'),
    );
    const problems = await decisionProblems({ root, bundle });
    expect(problems).toEqual([
      "docs/decisions.yaml: '#/components/schemas/HexColor' needs why (non-empty text)",
      "docs/decisions.yaml: 'HexColor' is not a JSON pointer into the bundle (it must start with #/)",
    ]);
  });

  test('a Decision: note put back into a description is reported at its node', async () => {
    const edited = structuredClone(bundle) as typeof bundle;
    const schemas = edited.components.schemas as Record<string, { description?: string }>;
    schemas.HexColor!.description = '*Decision:* only #RRGGBB.';
    const problems = await decisionProblems({ root: ROOT, bundle: edited });
    expect(problems).toEqual([expect.stringMatching(/^#\/components\/schemas\/HexColor\/description: a "Decision:"/)]);
  });

  test('the step writes one row per decision into scratch, and docs/decisions.md is up to date', async () => {
    const note = await writeDecisions({ root: ROOT, bundle, scratch });
    const decisions = await readDecisions(ROOT);
    expect(note).toBe(`${decisions.length} decisions`);
    const written = await readFile(path.join(scratch, DECISIONS_TABLE), 'utf8');
    expect(written.startsWith('<!-- Generated from docs/decisions.yaml')).toBe(true);
    expect(written.split('\n').filter((line) => line.startsWith('| `#/'))).toHaveLength(decisions.length);
    expect(written).toContain('| `#/components/schemas/HexColor` |');
    expect(await readFile(path.join(ROOT, DECISIONS_TABLE), 'utf8')).toBe(written);
  });

  test('the step refuses to write a table with a stale pointer', async () => {
    const root = await rootWith(["'#/paths/~1gone/get':", '  docs: a', '  chose: b', '  why: c'].join('\n'));
    await expect(writeDecisions({ root, bundle, scratch })).rejects.toThrow(
      /'#\/paths\/~1gone\/get' points at nothing/,
    );
  });
});
