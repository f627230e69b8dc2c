// @ts-check
// Redocly's lint and bundle, run in this process through @redocly/openapi-core, the library the
// CLI is built on, reporting exactly as `redocly lint` does (file:line:col, codeframe, rule) and
// bundling byte for byte as `redocly bundle` does: one process instead of a CLI per step, each of
// which spent about half a second starting. (The docs page, which the CLI's build-docs made, is
// assembled in docs.mjs.)
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BaseResolver,
  bundle,
  formatProblems,
  getTotals,
  lint,
  loadConfig,
  logger,
  stringifyYaml,
} from '@redocly/openapi-core';
import { StepError } from './steps.mjs';

/** The top-level keys of an OpenAPI 3 bundle in the order `redocly bundle` writes them; others follow. */
const TOP_LEVEL_ORDER = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'externalDocs',
  'paths',
  'webhooks',
  'x-webhooks',
  'components',
];

/**
 * One API of redocly.yaml: its alias, root file and lint config, and the resolver that reads and
 * parses its files, shared by its lint and its bundle (which would otherwise parse them again).
 * @typedef {{ alias: string, file: string, config: any, resolver: any }} Api
 */

/**
 * Loads root/redocly.yaml (with its plugins) and returns each API it declares.
 * @param {string} root the project folder
 * @returns {Promise<Api[]>}
 */
export async function loadApis(root) {
  const config = await loadConfig({ configPath: path.join(root, 'redocly.yaml') });
  const apis = Object.entries(config.resolvedConfig.apis ?? {}).map(([alias, api]) => {
    const forAlias = config.forAlias(alias);
    return {
      alias,
      file: path.resolve(root, api.root),
      config: forAlias,
      resolver: new BaseResolver(forAlias.resolve),
    };
  });
  if (apis.length === 0) throw new StepError(`${path.join(root, 'redocly.yaml')}: declares no API under apis:`);
  return apis;
}

/**
 * Redocly's own report of problems (codeframe format, paths relative to root), captured as text
 * instead of written to the terminal. formatProblems is synchronous, so swapping the logger's
 * writers for its duration cannot capture anything else.
 * @param {any[]} problems
 * @param {string} root
 * @param {'lint' | 'bundle'} command
 */
function report(problems, root, command) {
  let text = '';
  /** @param {string} chunk */
  const capture = (chunk) => {
    text += chunk;
  };
  const saved = { output: logger.output, info: logger.info, warn: logger.warn, error: logger.error };
  Object.assign(logger, { output: capture, info: capture, warn: capture, error: capture });
  try {
    formatProblems(problems, {
      format: 'codeframe',
      maxProblems: 200,
      cwd: root,
      color: false,
      totals: getTotals(problems),
      command,
    });
  } finally {
    Object.assign(logger, saved);
  }
  return text;
}

/**
 * Lints every API of root/redocly.yaml, as `redocly lint` does; throws a StepError with Redocly's
 * report (each problem's file:line:col, codeframe and rule) when there is an error.
 * @param {string} root
 * @param {Api[]} apis loaded by loadApis
 */
export async function redoclyLint(root, apis) {
  let output = '';
  let errors = 0;
  for (const api of apis) {
    const started = performance.now();
    const shown = path.relative(root, api.file);
    output += `validating ${shown} using lint rules for api '${api.alias}'...\n`;
    const problems = await lint({ ref: api.file, config: api.config, externalRefResolver: api.resolver }).catch(
      (/** @type {Error} */ error) => {
        // What the CLI says when the document cannot be walked at all (a self-referencing $ref).
        throw new StepError(`${output}Something went wrong when processing ${shown}:\n\n  - ${error.message}\n`);
      },
    );
    const totals = getTotals(problems);
    errors += totals.errors;
    output += report(problems, root, 'lint');
    output += `${shown}: validated in ${Math.ceil(performance.now() - started)}ms\n\n`;
    const { rules } = api.config.getUnusedRules();
    if (rules.length > 0)
      output += `[WARNING] Unused rules found in redocly.yaml: ${rules.join(', ')}.\nCheck the spelling and verify the added plugin prefix.\n`;
  }
  if (errors > 0)
    throw new StepError(`${output}❌ Validation failed with ${errors} error${errors === 1 ? '' : 's'}.\n`);
}

/**
 * Bundles one API of root/redocly.yaml into a single document, as `redocly bundle <alias>` does;
 * resolves with the document and its YAML text, byte for byte what the CLI writes.
 * @param {string} root
 * @param {Api} api
 * @returns {Promise<{ parsed: Record<string, any>, yaml: string }>}
 */
export async function redoclyBundle(root, api) {
  const { bundle: document, problems } = await bundle({
    ref: api.file,
    config: api.config,
    externalRefResolver: api.resolver,
  });
  if (getTotals(problems).errors > 0)
    throw new StepError(
      `${report(problems, root, 'bundle')}❌ Errors encountered while bundling ${path.relative(root, api.file)}: bundle not created.\n`,
    );
  const parsed = /** @type {Record<string, any>} */ (document.parsed);
  const ordered = Object.fromEntries([
    ...TOP_LEVEL_ORDER.filter((key) => key in parsed).map((key) => [key, parsed[key]]),
    ...Object.entries(parsed),
  ]);
  return { parsed: ordered, yaml: stringifyYaml(ordered, { noRefs: true, lineWidth: -1 }) };
}
