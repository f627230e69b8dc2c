// @ts-check
// Spectral with the OWASP API security ruleset (.spectral.yaml) on the split spec, run in this
// process through Spectral's library API (the CLI spends seconds bundling the ruleset with Rollup
// before it lints). Each problem is reported in the source file a person edits, with its line and
// rule, in the CLI's text format. Spectral reads local files only: the ruleset comes from
// node_modules, $refs go through our resolver.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { pathFileName } from './layout.mjs';
import { StepError } from './steps.mjs';

const require = createRequire(import.meta.url);
const { Document, Ruleset, Spectral } = require('@stoplight/spectral-core');
const { Yaml } = require('@stoplight/spectral-parsers');
const resolver = require('./spectral-resolver.cjs');

/** Spectral's DiagnosticSeverity: 0 error, 1 warn; a warning fails as an error does (zero problems allowed). */
const FAIL_SEVERITY = 1;
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];

/**
 * One result of Spectral's run.
 * @typedef {object} Result
 * @property {string} [source]
 * @property {{ start: { line: number, character: number } }} range
 * @property {number} severity
 * @property {string | number} code
 * @property {string} message
 * @property {(string | number)[]} [path] where in the resolved document
 */

/**
 * The CLI's `--format text` report (one line per result, grouped by file), paths relative to root.
 * @param {Result[]} results
 * @param {string} root
 */
function textReport(results, root) {
  /** @type {Map<string, Result[]>} */
  const bySource = new Map();
  for (const result of results)
    if (result.source !== undefined) bySource.set(result.source, [...(bySource.get(result.source) ?? []), result]);
  return [...bySource.values()]
    .flat()
    .map(
      ({ source, range, severity, code, message }) =>
        `${path.relative(root, source ?? '')}:${range.start.line + 1}:${range.start.character + 1} ` +
        `${SEVERITY_NAMES[severity]} ${code} "${message}"`,
    )
    .join('\n');
}

/**
 * The ruleset of root/.spectral.yaml, with each `extends` package loaded from the project's
 * node_modules (as `spectral lint --ruleset` does); Spectral validates the rest.
 * @param {string} root
 */
async function loadRuleset(root) {
  const file = path.join(root, '.spectral.yaml');
  const text = await readFile(file, 'utf8');
  // Spectral validates and compiles a ruleset when it is made: watch mode, which lints on every
  // save, makes it once per text of .spectral.yaml.
  const key = `${file}\0${text}`;
  const known = rulesets.get(key);
  if (known) return known;
  const ruleset = makeRuleset(root, file, text);
  rulesets.clear();
  rulesets.set(key, ruleset);
  return ruleset;
}

/** @type {Map<string, any>} the last ruleset made, by file and text */
const rulesets = new Map();

/**
 * A Spectral ruleset from the text of root/.spectral.yaml.
 * @param {string} root
 * @param {string} file
 * @param {string} text
 */
function makeRuleset(root, file, text) {
  const definition = parse(text);
  const fromProject = createRequire(path.join(root, 'package.json'));
  /** @param {string | [string, string]} entry */
  const load = (entry) => {
    const [name, mode] = Array.isArray(entry) ? entry : [entry, undefined];
    const loaded = fromProject(name);
    const ruleset = loaded.default ?? loaded;
    return mode ? [ruleset, mode] : ruleset;
  };
  try {
    return new Ruleset({ ...definition, extends: [definition.extends ?? []].flat().map(load) }, { source: file });
  } catch (error) {
    throw new StepError(
      `${path.relative(root, file)}: not a ruleset Spectral can load: ${/** @type {Error} */ (error).message}`,
    );
  }
}

/**
 * The OWASP rules that ask every operation for authentication and a 401 response. They cannot be
 * turned off for one operation (Spectral's overrides reach only the root file, see .spectral.yaml),
 * so they are waived here for an operation the spec declares public with `security: []`, like
 * GET /, the discovery banner the docs say needs no auth; macha/scope-consistent (Redocly) checks
 * that such an operation has no scope and no 401/403, so a missing `security` still fails.
 */
const AUTH_RULES = new Set(['owasp:api2:2023-read-restricted', 'owasp:api8:2023-define-error-responses-401']);

/**
 * Whether a result is one of AUTH_RULES on an operation declared public in the bundle. Spectral
 * reports it in the path item's own file (`spec/paths/_.yaml`), at a path within that file.
 * @param {Record<string, any>} bundle
 * @param {Result} result
 */
function publicExempt(bundle, result) {
  if (!AUTH_RULES.has(String(result.code)) || !result.source || !result.path) return false;
  const template = Object.keys(bundle.paths ?? {}).find(
    (candidate) => path.basename(String(result.source)) === pathFileName(candidate),
  );
  if (template === undefined || path.basename(path.dirname(result.source)) !== 'paths') return false;
  const security = bundle.paths[template]?.[String(result.path[0])]?.security;
  return Array.isArray(security) && security.length === 0;
}

/**
 * The lint check: lints root/spec/openapi.yaml (the split files, so that each problem names the
 * file a person edits) with root/.spectral.yaml; rejects with a StepError listing every error and
 * warning (file:line:col severity rule "message") when there is any.
 * @param {{ root: string, bundle?: Record<string, any> }} input
 * @returns {Promise<void>}
 */
export async function spectralLint({ root, bundle }) {
  // The resolver keeps every file it read in its uriCache (a documented member of the
  // json-ref-resolver it is): emptied, so that a second lint in this process (watch mode) reads the
  // files as they are now, not the previous run's texts with their refs resolved against them.
  resolver.uriCache.purge();
  const spectral = new Spectral({ resolver });
  spectral.setRuleset(await loadRuleset(root));
  const file = path.join(root, 'spec', 'openapi.yaml');
  const results = await spectral.run(new Document(await readFile(file, 'utf8'), Yaml, file));
  const failures = /** @type {Result[]} */ (results).filter(
    (result) => result.severity <= FAIL_SEVERITY && !(bundle && publicExempt(bundle, result)),
  );
  if (failures.length === 0) return;
  throw new StepError(
    `${textReport(failures, root)}\n` +
      'Fix the spec, or turn the rule off in .spectral.yaml with the reason written beside it.',
  );
}
