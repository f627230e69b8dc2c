// @ts-check
// `npm run docs:serve [-- --port N]`: builds the docs site, serves dist/docs/ on localhost and
// rebuilds it whenever a file under spec/ or redocly.yaml changes. A failed rebuild is reported and
// the last good page stays served, so a typo while editing never stops the server.
// Only dist/docs/ is written: generated/ is left to `npm run generate`.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lint } from './lint.mjs';
import { buildDocs } from './lib/docs.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { failureText, runCommand, step } from './lib/steps.mjs';
import { watchSpec } from './lib/watch.mjs';

const DOCS_DIR = path.resolve('dist', 'docs');
const SCRATCH_DIR = path.resolve('dist', '.docs-serve');

/** Lints and bundles the spec, builds the page in a scratch folder, then swaps it in atomically. */
async function rebuild() {
  const bundle = await lint();
  await rm(SCRATCH_DIR, { recursive: true, force: true });
  await step('docs (redoc)', () => buildDocs(bundle.parsed, path.join(SCRATCH_DIR, 'index.html')));
  await mkdir(DOCS_DIR, { recursive: true });
  await rename(path.join(SCRATCH_DIR, 'index.html'), path.join(DOCS_DIR, 'index.html'));
  await rm(SCRATCH_DIR, { recursive: true, force: true });
}

/**
 * Runs rebuild and reports the outcome; never throws, so the watcher and server keep running.
 * @param {string} url
 */
async function rebuildAndReport(url) {
  try {
    await rebuild();
    process.stderr.write(`docs rebuilt: reload ${url}\n`);
  } catch (error) {
    const message = failureText(error);
    process.stderr.write(`\ndocs rebuild failed (still serving the last good build):\n${message.trimEnd()}\n\n`);
  }
}

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8080' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`docs:serve: --port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}\n`);
  process.exit(1);
}

await runCommand('docs build', rebuild);
if (process.exitCode) process.stderr.write('Serving anyway: fix the spec and the page is rebuilt on save.\n');
const { url } = await serveDirectory(DOCS_DIR, port).catch((/** @type {NodeJS.ErrnoException} */ error) => {
  process.stderr.write(
    `docs:serve: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); pick another with --port N\n`,
  );
  process.exit(1);
});
process.exitCode = 0;
// Editors save in several file events; 150 ms of quiet before rebuilding.
watchSpec(process.cwd(), () => rebuildAndReport(url), { quietMs: 150 });
process.stdout.write(`Docs at ${url} (rebuilt when spec/ or redocly.yaml changes; Ctrl+C stops)\n`);
