// @ts-check
// Redocly's lint with the project's rules (redocly.yaml and spec/plugins/macha.js), through
// @redocly/openapi-core's exported `lint`. The problems array it returns is reported here, one
// problem per block: `file:line:col severity rule`, the message and Redocly's codeframe (its
// exported getLineColLocation and getCodeframe), so every problem names the file a person edits.
import path from 'node:path';
import { getCodeframe, getLineColLocation, getTotals, lint } from '@redocly/openapi-core';
import { loadApi } from './openapi.mjs';
import { StepError } from './steps.mjs';

/** How many problems a report shows before it only counts the rest. */
const MAX_SHOWN = 200;

/**
 * One problem as text: where (relative to root), its severity and rule, its message and codeframe.
 * @param {any} problem one entry of the array `lint` or `bundle` returns
 * @param {string} root
 */
export function problemText(problem, root) {
  const [location] = problem.location ?? [];
  if (!location) return `${problem.severity} ${problem.ruleId}: ${problem.message}`;
  const place = getLineColLocation(location);
  const ref = location.source.absoluteRef;
  const file = /^[a-z]+:\/\//i.test(ref) ? ref : path.relative(root, ref);
  const frame = getCodeframe(place, false);
  const where = `${file}:${place.start.line}:${place.start.col}`;
  return `${where} ${problem.severity} ${problem.ruleId}\n  ${problem.message}\n${frame}\n`;
}

/**
 * A report of problems, errors first, as a StepError's message.
 * @param {any[]} problems
 * @param {string} root
 */
export function problemsReport(problems, root) {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const shown = sorted.slice(0, MAX_SHOWN).map((problem) => problemText(problem, root));
  const hidden = sorted.length - shown.length;
  const { errors, warnings } = getTotals(problems);
  const more = hidden > 0 ? `\n… and ${hidden} more\n` : '';
  return `${shown.join('\n')}${more}\n❌ Redocly found ${errors} error(s) and ${warnings} warning(s).`;
}

/**
 * Lints the spec of root with root/redocly.yaml; resolves with every problem that fails the
 * build (errors and warnings: the project allows none), ignored ones left out.
 * @param {string} root
 * @returns {Promise<any[]>}
 */
export async function redoclyProblems(root) {
  const api = await loadApi(root);
  const problems = await lint({ ref: api.file, config: api.config }).catch((/** @type {Error} */ error) => {
    // What Redocly throws when the document cannot be walked at all (a self-referencing $ref).
    throw new StepError(`${path.relative(root, api.file)}: cannot be processed: ${error.message}`);
  });
  const unused = api.config.getUnusedRules().rules;
  if (unused.length > 0)
    throw new StepError(`redocly.yaml: unknown rules ${unused.join(', ')}; check the spelling and the plugin prefix`);
  return problems.filter((/** @type {any} */ problem) => !problem.ignored);
}

/**
 * The pipeline step: throws a StepError with the report when Redocly finds any problem.
 * @param {{ root: string, bundle?: Record<string, any> }} input
 */
export async function redoclyRules({ root }) {
  const problems = await redoclyProblems(root);
  if (problems.length > 0) throw new StepError(problemsReport(problems, root));
}

/**
 * The first API of root/redocly.yaml, as an array (for code written before openapi.mjs owned loading).
 * @param {string} root
 */
export async function loadApis(root) {
  return [await loadApi(root)];
}
