// @ts-check
// The evidence behind docs/breaking.md: runs `redocly diff` (the pinned @redocly/cli, through its
// public bin) on every row of the policy table and prints, per row, our verdict, Redocly's impact
// under `extends: [diff-recommended]` and under the closest configuration we found, and the rules
// it fired. Too slow for the test suite (one CLI start per row, ~1.5 s each), so it runs by hand:
//   node test/breaking/redocly-diff-eval.mjs [--json] [--from N] [--only TEXT]
// (N: the first row, 1-based; TEXT: only the rows whose edit contains it)
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { POLICY_ROWS } from './policy-rows.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
// The CLI's declared bin (package.json "bin"), run with node: its public interface.
const bin = path.join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

/**
 * The configurations tried: Redocly's own ruleset, and the ruleset with every impact set as close
 * to the Macha policy as rule-level impacts allow (a rule cannot tell an open enum from a closed
 * one, nor a pagination parameter from another, so some rows stay wrong whatever the impact).
 */
export const CONFIGS = {
  recommended: 'extends:\n  - diff-recommended\n',
  tuned: [
    'extends:\n  - diff-recommended',
    'diff:',
    // Macha promises new response enum values (open enums); removing one stays breaking.
    '  enum-values-added: minor',
  ].join('\n'),
};

/** The rules whose impact `tuned` changes: a row where none fired gets the same verdict from both. */
const TUNED_RULES = ['enum-values-added'];

/** @typedef {'breaking' | 'additive' | 'none'} Verdict */

/**
 * Redocly's bump in the policy's words: major breaks, minor adds, patch or nothing is none.
 * @param {string | undefined} bump
 * @returns {Verdict}
 */
function verdictOf(bump) {
  if (bump === 'major') return 'breaking';
  if (bump === 'minor') return 'additive';
  return 'none';
}

/**
 * One `redocly diff` run: its bump and the rule of each major or minor change.
 * @param {string} dir
 * @param {string} config
 */
async function redoclyDiff(dir, config) {
  await writeFile(path.join(dir, 'redocly.yaml'), `${config}\n`);
  const args = [bin, 'diff', 'before.json', 'after.json', '--config', 'redocly.yaml', '--format', 'json'];
  const env = { ...process.env, REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', REDOCLY_TELEMETRY: 'off' };
  // Exit 1 means "a major change": the JSON report is on stdout either way.
  const { stdout } = await run(process.execPath, args, { cwd: dir, env, maxBuffer: 64 << 20 }).catch((error) => {
    if (!error.stdout) throw error;
    return error;
  });
  const report = JSON.parse(stdout);
  /** @type {string[]} */
  const rules = [];
  for (const change of report.changes ?? []) {
    for (const verdict of change.verdicts ?? []) rules.push(`${verdict.ruleId}:${verdict.impact}`);
    if ((change.verdicts ?? []).length === 0 && change.impact !== 'patch')
      rules.push(`${change.kind}:${change.impact}`);
  }
  return { verdict: verdictOf(report.bump), rules: [...new Set(rules)].sort() };
}

const bundle = JSON.parse(await readFile(path.join(root, 'generated', 'openapi.json'), 'utf8'));
const dir = await mkdtemp(path.join(tmpdir(), 'redocly-diff-'));
const results = [];
try {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const from = process.argv.includes('--from') ? Number(process.argv[process.argv.indexOf('--from') + 1]) : 1;
  for (const [index, row] of POLICY_ROWS.entries()) {
    if (index + 1 < from || (only !== undefined && !row.edit.includes(only))) continue;
    const before = structuredClone(bundle);
    row.base?.(before);
    const after = structuredClone(before);
    row.change(after);
    await writeFile(path.join(dir, 'before.json'), JSON.stringify(before));
    await writeFile(path.join(dir, 'after.json'), JSON.stringify(after));
    const recommended = await redoclyDiff(dir, CONFIGS.recommended);
    const fired = recommended.rules.some((rule) => TUNED_RULES.includes(rule.split(':')[0] ?? ''));
    const tuned = fired ? await redoclyDiff(dir, CONFIGS.tuned) : recommended;
    results.push({ row: index + 1, edit: row.edit, ours: row.verdict, recommended, tuned });
    process.stderr.write(`${index + 1}/${POLICY_ROWS.length}\r`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  for (const name of /** @type {const} */ (['recommended', 'tuned'])) {
    const agree = results.filter((result) => result[name].verdict === result.ours).length;
    const gate = results.filter(
      (result) => (result[name].verdict === 'breaking') === (result.ours === 'breaking'),
    ).length;
    process.stdout.write(`${name}: ${agree}/${results.length} verdicts, ${gate}/${results.length} pass/fail\n`);
  }
  process.stdout.write(
    '\n| # | edit | Macha | recommended | tuned | Redocly rules (recommended) |\n|---|---|---|---|---|---|\n',
  );
  for (const result of results) {
    const mark = (/** @type {Verdict} */ verdict) => (verdict === result.ours ? verdict : `**${verdict}**`);
    process.stdout.write(
      `| ${result.row} | ${result.edit} | ${result.ours} | ${mark(result.recommended.verdict)} | ` +
        `${mark(result.tuned.verdict)} | ${result.recommended.rules.join(', ')} |\n`,
    );
  }
}
