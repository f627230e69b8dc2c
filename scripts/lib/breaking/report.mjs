// @ts-check
// One line per finding, the form `npm run check:breaking` prints:
// `breaking: GET /connectors (listConnectors) query limit: tighter constraint (maximum 100 → 50)
// [tighter-constraint]` (on one line).
import { isBreaking, RULES } from './rules.mjs';

/** @typedef {import('./rules.mjs').Finding} Finding */

/**
 * The operation as people name it: method, path and operationId.
 * @param {Finding} finding
 */
export function operationName(finding) {
  return finding.operationId ? `${finding.operation} (${finding.operationId})` : finding.operation;
}

/**
 * The gate's line for a finding: verdict, operation, location and JSON path, rule.
 * @param {Finding} finding
 */
export function formatFinding(finding) {
  const detail = finding.detail ? ` (${finding.detail})` : '';
  const verdict = isBreaking(finding) ? 'breaking' : 'info';
  const what = `${RULES[finding.rule].text}${detail} [${finding.rule}]`;
  return `${verdict}: ${operationName(finding)} ${finding.where}: ${what}`;
}
