// @ts-check
// `npm run lint`: the spec is loaded and bundled once (lib/openapi.mjs), then checked by Redocly's
// rules (redocly.yaml, spec/plugins/macha.js), the layout checks Redocly cannot see, and Spectral's
// OWASP API security rules (.spectral.yaml); then the code: no import of a dependency's private
// files, no hand-written line over 120 characters. Any problem fails: the project allows zero
// warnings. The breaking-change gate is `npm run check:breaking`, which CI runs on its own.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { codeProblems } from './lib/code-checks.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { checkDecisions } from './lib/decisions.mjs';
import { checkLayout, refCycles } from './lib/layout.mjs';
import { assertMarkdownHtml } from './lib/markdown-html.mjs';
import { loadBundle } from './lib/openapi.mjs';
import { problemsReport, redoclyProblems, redoclyRules } from './lib/redocly.mjs';
import { step, StepError } from './lib/steps.mjs';

/** @typedef {{ root: string, bundle: Record<string, any> }} LintInput what every check is a function of */

/**
 * Spectral's OWASP check (scripts/lib/spectral.mjs), imported when it runs: a spec Redocly rejects
 * never pays for loading Spectral.
 * @param {LintInput} input
 */
async function spectralLint(input) {
  const { spectralLint: owasp } = await import('./lib/spectral.mjs');
  await owasp(input);
}

/** The spec's checks, in the order they report; each throws a StepError naming file and line. */
export const SPEC_CHECKS = /** @type {const} */ ([
  ['lint (redocly)', redoclyRules],
  ['lint (layout)', checkLayout],
  ['lint (markdown html)', assertMarkdownHtml],
  ['lint (decisions)', checkDecisions],
  ['lint (spectral owasp)', spectralLint],
]);

/**
 * Loads and bundles the spec of root; when it cannot be bundled, throws a StepError with what
 * Redocly's lint says about it (file, line, rule), which names the place better than the bundler.
 * @param {string} root
 * @returns {Promise<Record<string, any>>} the bundle
 */
export async function loadSpec(root) {
  // A file that is only a $ref to itself (directly or round a chain) makes Redocly's resolver throw
  // where no caller can catch it, killing the process with a stack trace: refuse it first.
  const aliasCycles = await refCycles(path.join(root, 'spec'), root);
  if (aliasCycles.length > 0) throw new StepError(aliasCycles.join('\n'));
  /** @type {Awaited<ReturnType<typeof loadBundle>> | undefined} */
  let loaded;
  let failure = '';
  try {
    loaded = await loadBundle(root);
    if (loaded.problems.length === 0) return loaded.bundle;
  } catch (error) {
    failure = /** @type {Error} */ (error).message;
  }
  const lintProblems = await redoclyProblems(root).catch((/** @type {Error} */ error) => {
    failure ||= error.message;
    return [];
  });
  const problems = lintProblems.length > 0 ? lintProblems : (loaded?.problems ?? []);
  const report = problems.length > 0 ? problemsReport(problems, root) : failure;
  throw new StepError(report || 'the spec cannot be bundled');
}

/**
 * Loads and bundles the spec of root, then runs every spec check on it, each printed as a step;
 * resolves with the bundle, or throws the first failing check's StepError.
 * @param {string} root
 */
export async function lintedSpec(root) {
  const bundle = await step('load + bundle', () => loadSpec(root));
  for (const [name, check] of SPEC_CHECKS) await step(name, () => check({ root, bundle }));
  return bundle;
}

/**
 * Lints the project in root: the spec, then the code (`only` picks one). Throws a StepError on the
 * first failing check.
 * @param {{ root: string, only?: 'spec' | 'code' }} options
 */
export async function lint({ root, only }) {
  if (only !== 'code') await lintedSpec(root);
  if (only === 'spec') return;
  await step('lint (code)', async () => {
    const problems = await codeProblems({ root });
    if (problems.length > 0) throw new StepError(problems.join('\n'));
  });
}

/** `npm run lint [-- --only spec|code]` on the project in root. */
export const cli = {
  title: 'lint',
  run(/** @type {string[]} */ args, /** @type {string} */ root) {
    const { values } = parseArgs({ args, options: { only: { type: 'string' } } });
    if (values.only !== undefined && values.only !== 'spec' && values.only !== 'code')
      throw new StepError(`--only ${values.only}: expected spec or code`);
    return lint({ root, only: values.only });
  },
};

if (isMain(import.meta.url)) await runScript(cli);
