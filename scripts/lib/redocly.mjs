// @ts-check
// Runs the pinned Redocly CLI (lint, bundle) as a child process, so that what `npm run lint`
// reports is exactly what Redocly reports, with the file, line and rule of every problem.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StepError } from './steps.mjs';

const require = createRequire(import.meta.url);
const cliPath = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/**
 * Drops the framed Node 20 deprecation notice Redocly prints on every run: noise here, since Node
 * 20 is what the machines have.
 * @param {string} text
 */
function withoutBanner(text) {
  return text
    .split('\n')
    // The box lines, and the ignore-file hint: this project fixes problems instead of ignoring them.
    .filter((line) => !/^\s*[╔╚║]/.test(line) && !line.includes('--generate-ignore-file'))
    .join('\n')
    .replace(/^\s*\n+/, '');
}

/**
 * Runs `redocly <args>` in cwd and resolves with its output; rejects with a StepError holding
 * Redocly's own report when it exits non-zero.
 * @param {string[]} args
 * @param {{ cwd?: string }} [options]
 * @returns {Promise<string>}
 */
export function redocly(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new StepError(`could not start Redocly CLI (${cliPath}): ${error.message}`)));
    child.on('close', (code) => {
      const text = withoutBanner(output);
      if (code === 0) resolve(text);
      else reject(new StepError(text || `redocly ${args[0]} exited with code ${code}`));
    });
  });
}
