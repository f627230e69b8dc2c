// The Macha v1 versioning policy as a table: each row is one edit an API engineer could make to the
// spec, applied to a copy of the bundle in memory, with every change the gate must report and its
// verdict. Both sides of each rule are here, and renames that look like additions.
import { describe, expect, test } from 'vitest';
import { diffBundles } from '../../scripts/lib/breaking/diff.mjs';
import { isBreaking } from '../../scripts/lib/breaking/rules.mjs';
import { bundle } from '../support/bundle.js';
import { POLICY_ROWS as rows } from './policy-rows.mjs';

describe('the Macha v1 policy, edit by edit', () => {
  test('the table covers at least 25 edits and every verdict', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(new Set(rows.map((row) => row.verdict))).toEqual(new Set(['breaking', 'additive', 'none']));
  });

  test.each(rows)('$edit: $verdict', (row) => {
    const before = structuredClone(bundle) as Record<string, unknown>;
    row.base?.(before);
    const after = structuredClone(before);
    row.change(after);
    const findings = diffBundles(before, after);
    const lines = findings.map(
      (finding) =>
        `${isBreaking(finding) ? 'breaking' : 'info'} ${finding.operation} | ${finding.where} | ${finding.rule}`,
    );
    expect(lines.sort()).toEqual([...row.changes].sort());
    const verdict = findings.some(isBreaking) ? 'breaking' : findings.length > 0 ? 'additive' : 'none';
    expect(verdict).toBe(row.verdict);
  });
});
