// @ts-check
// The spec's decisions: where the Macha docs are silent, cut off or contradictory, docs/decisions.yaml
// records what the spec chose and why, keyed by a JSON pointer into the bundle. Reader-facing
// descriptions state only the contract; maintainers read the reasons in the generated
// docs/decisions.md. A lint check keeps every pointer pointing at a node that exists, and keeps
// "Decision:" notes out of the descriptions.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { pointerToken, refTarget } from './openapi.mjs';
import { StepError } from './steps.mjs';

/** Where the decisions live, relative to the project root. */
export const DECISIONS_FILE = 'docs/decisions.yaml';
/** Where the table is generated, relative to the project root (and to the run's scratch folder). */
export const DECISIONS_TABLE = 'docs/decisions.md';
/** The three texts every decision gives. */
const FIELDS = /** @type {const} */ (['docs', 'chose', 'why']);

/** @typedef {{ pointer: string, docs: string, chose: string, why: string }} Decision */

/**
 * Reads docs/decisions.yaml: a map from JSON pointer to `{ docs, chose, why }`. Throws a StepError
 * naming the file when it cannot be read or parsed, or is not a map.
 * @param {string} root
 * @returns {Promise<Record<string, unknown>>}
 */
async function readDecisionsFile(root) {
  const file = path.join(root, DECISIONS_FILE);
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StepError(`${DECISIONS_FILE}: cannot be read (${/** @type {NodeJS.ErrnoException} */ (error).code})`);
  }
  let parsed;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new StepError(`${DECISIONS_FILE}: ${/** @type {Error} */ (error).message.split('\n')[0]}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new StepError(`${DECISIONS_FILE}: must be a map from JSON pointer to { docs, chose, why }`);
  }
  return parsed;
}

/**
 * Finds the descriptions of the bundle (arrays included, by index) that still carry a "Decision:"
 * note, by JSON pointer.
 * @param {unknown} node
 * @param {string} pointer
 * @param {string[]} found
 */
function decisionNotes(node, pointer, found) {
  if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      const childPointer = `${pointer}/${pointerToken(key)}`;
      if (key === 'description' && typeof child === 'string' && /\*?Decision:\*?/.test(child)) found.push(childPointer);
      else decisionNotes(child, childPointer, found);
    }
  }
  return found;
}

/**
 * Lint check: one line per problem of the decisions file against the bundle: a pointer that
 * resolves to nothing, an entry without its three texts, or a "Decision:" note left in a
 * reader-facing description.
 * @param {{ root: string, bundle: Record<string, any> }} context
 * @returns {Promise<string[]>}
 */
export async function decisionProblems({ root, bundle }) {
  const problems = [];
  for (const [pointer, entry] of Object.entries(await readDecisionsFile(root))) {
    if (!pointer.startsWith('#/')) {
      problems.push(`${DECISIONS_FILE}: '${pointer}' is not a JSON pointer into the bundle (it must start with #/)`);
      continue;
    }
    try {
      refTarget(bundle, pointer);
    } catch {
      problems.push(
        `${DECISIONS_FILE}: '${pointer}' points at nothing in the bundle; move it to its node, or delete it`,
      );
    }
    const record = /** @type {Record<string, unknown>} */ (entry ?? {});
    const missing = FIELDS.filter((field) => typeof record[field] !== 'string' || record[field] === '');
    if (missing.length > 0)
      problems.push(`${DECISIONS_FILE}: '${pointer}' needs ${missing.join(', ')} (non-empty text)`);
  }
  for (const pointer of decisionNotes(bundle, '#', [])) {
    problems.push(
      `${pointer}: a "Decision:" note in a description; state the contract, move the reason to ${DECISIONS_FILE}`,
    );
  }
  return problems;
}

/**
 * The decisions, in file order.
 * @param {string} root
 * @returns {Promise<Decision[]>}
 */
export async function readDecisions(root) {
  return Object.entries(await readDecisionsFile(root)).map(([pointer, entry]) => {
    const record = /** @type {Record<string, string>} */ (entry ?? {});
    return { pointer, docs: record.docs ?? '', chose: record.chose ?? '', why: record.why ?? '' };
  });
}

/**
 * One Markdown table cell: pipes escaped, line breaks flattened.
 * @param {string} text
 */
function cell(text) {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * The text of docs/decisions.md for these decisions.
 * @param {Decision[]} decisions
 */
export function decisionsMarkdown(decisions) {
  const rows = decisions.map(
    ({ pointer, docs, chose, why }) => `| \`${cell(pointer)}\` | ${cell(docs)} | ${cell(chose)} | ${cell(why)} |`,
  );
  return [
    `<!-- Generated from ${DECISIONS_FILE} by scripts/lib/decisions.mjs: edit that file, not this one. -->`,
    '',
    '# Spec decisions',
    '',
    'Where the public Macha docs are silent, cut off or contradict themselves, the spec decides. Each',
    'row names the node of the bundle (`generated/openapi.json`) by JSON pointer, what the docs say,',
    "what the spec chose and why. The spec's descriptions state only the contract.",
    '',
    `${decisions.length} decisions.`,
    '',
    '| Location | The docs say | We chose | Why |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/**
 * Pipeline step: writes `<scratch>/docs/decisions.md`, the table of every decision, after checking
 * that each one still points at a node of the bundle. Returns a one-line note.
 * @param {{ root: string, bundle: Record<string, any>, scratch: string }} context
 * @returns {Promise<string>}
 */
export async function writeDecisions({ root, bundle, scratch }) {
  const problems = await decisionProblems({ root, bundle });
  if (problems.length > 0) throw new StepError(problems.join('\n'));
  const decisions = await readDecisions(root);
  const target = path.join(scratch, DECISIONS_TABLE);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, decisionsMarkdown(decisions));
  return `${decisions.length} decisions`;
}
