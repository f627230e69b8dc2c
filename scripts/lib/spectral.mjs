// @ts-check
// Runs the pinned Spectral CLI with the OWASP API security ruleset (.spectral.yaml) on the split
// spec, so that each problem is reported in the source file a person edits, with its line and rule.
// Spectral reads local files only: the ruleset comes from node_modules, $refs through our resolver.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StepError } from './steps.mjs';

const require = createRequire(import.meta.url);
const cliPath = path.join(path.dirname(require.resolve('@stoplight/spectral-cli/package.json')), 'dist', 'index.js');
const resolverPath = fileURLToPath(new URL('./spectral-resolver.cjs', import.meta.url));

/**
 * Spectral's text report with each absolute path made relative to cwd, so a line reads
 * `spec/components/schemas/Tool.yaml:11:8 error owasp:api4:2023-string-limit "…"`.
 * @param {string} text
 * @param {string} cwd
 */
function relativePaths(text, cwd) {
  return text.replaceAll(`${cwd}${path.sep}`, '');
}

/**
 * Lints spec/openapi.yaml of the project in cwd with .spectral.yaml; rejects with a StepError
 * listing every error and warning (file:line:col severity rule message) when there is any.
 * @param {{ cwd?: string }} [options]
 * @returns {Promise<void>}
 */
export function spectralLint(options = {}) {
  const cwd = options.cwd ?? process.cwd();
  // --fail-severity warn: a warning fails as an error does (zero problems allowed).
  const args = ['lint', 'spec/openapi.yaml', '--ruleset', '.spectral.yaml', '--resolver', resolverPath, '--format', 'text', '--fail-severity', 'warn', '--display-only-failures', '--quiet'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new StepError(`could not start Spectral CLI (${cliPath}): ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const report = relativePaths(output, cwd).trim() || `spectral lint exited with code ${code}`;
      reject(new StepError(`${report}\nFix the spec, or turn the rule off in .spectral.yaml with the reason written beside it.`));
    });
  });
}
