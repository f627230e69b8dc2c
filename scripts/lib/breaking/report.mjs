// @ts-check
// One line per finding, the form `npm run check:breaking` and `npm run lint` print:
// `breaking: GET /connectors (listConnectors) query limit: tighter constraint (maximum 100 → 50) [tighter-constraint]`.
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
  return `${isBreaking(finding) ? 'breaking' : 'info'}: ${operationName(finding)} ${finding.where}: ${RULES[finding.rule].text}${detail} [${finding.rule}]`;
}
