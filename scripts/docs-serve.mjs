// @ts-check
// `npm run docs:serve [-- --port N]`: builds the docs site (index.html, llms.txt, llms-full.txt),
// serves it on localhost and rebuilds it whenever a file under spec/ or redocly.yaml changes. Each
// build is a new snapshot folder under dist/.docs-serve/ that the server swaps in whole once it is
// complete, so a reader never gets half of one build; a failed rebuild is reported and the last
// good snapshot stays served. Only dist/.docs-serve/ is written: generated/ and dist/docs/ are
// left to `npm run generate`.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { interrupted, isMain, runScript } from './lib/cli.mjs';
import { buildDocs } from './lib/docs.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { failureText, StepError, step } from './lib/steps.mjs';
import { watchSpec } from './lib/watch.mjs';
import { lintedSpec } from './lint.mjs';

/**
 * Lints and bundles the spec and builds the site into a fresh snapshot folder; resolves with it.
 * @param {string} root
 * @param {number} generation
 */
async function buildSnapshot(root, generation) {
  const bundle = await lintedSpec(root);
  const scratch = path.join(root, 'dist', '.docs-serve', String(generation));
  await rm(scratch, { recursive: true, force: true });
  await step('docs (redoc)', () => buildDocs({ root, bundle, scratch }));
  return path.join(scratch, 'dist', 'docs');
}

/**
 * Serves the docs of the project in root on `port` and rebuilds them on every spec change;
 * resolves once serving, with the URL and a function that stops the server and the watcher.
 * `onBuild` hears the end of every build, the first one included: its generation and, when it
 * failed, the error (so a caller that waits for a rebuild learns of a failure instead of waiting on).
 * @param {string} root
 * @param {{ port?: number, onBuild?: (generation: number, error?: unknown) => void }} [options]
 */
export async function docsServe(root, options = {}) {
  const port = options.port ?? 8080;
  await rm(path.join(root, 'dist', '.docs-serve'), { recursive: true, force: true });
  let generation = 0;
  let served = '';
  try {
    served = await buildSnapshot(root, generation);
    options.onBuild?.(generation);
  } catch (error) {
    options.onBuild?.(generation, error);
    process.stderr.write(
      `${failureText(error).trimEnd()}\nServing anyway: fix the spec and the page is rebuilt on save.\n`,
    );
    served = path.join(root, 'dist', '.docs-serve', 'empty');
    await mkdir(served, { recursive: true });
  }
  const { server, url, swap } = await serveDirectory(served, port).catch((/** @type {NodeJS.ErrnoException} */ e) => {
    throw new StepError(`cannot listen on 127.0.0.1:${port} (${e.code ?? e.message}); pick another with --port N`);
  });
  const rebuild = async () => {
    generation += 1;
    try {
      const next = await buildSnapshot(root, generation);
      const previous = served;
      swap(next);
      served = next;
      // Downloads still reading the previous snapshot keep their open files: unlinking them is safe.
      await rm(path.dirname(path.dirname(previous)), { recursive: true, force: true });
      process.stderr.write(`docs rebuilt: reload ${url}\n`);
      options.onBuild?.(generation);
    } catch (error) {
      options.onBuild?.(generation, error);
      process.stderr.write(
        `\ndocs rebuild failed (still serving the last good build):\n${failureText(error).trimEnd()}\n\n`,
      );
    }
  };
  // Editors save in several file events; 150 ms of quiet before rebuilding.
  const stopWatching = watchSpec(root, rebuild, { quietMs: 150 });
  return {
    url,
    close: async () => {
      await stopWatching();
      server.close();
    },
  };
}

/** `npm run docs:serve [-- --port N]`. */
export const cli = {
  title: 'docs:serve',
  run: async (/** @type {string[]} */ args, /** @type {string} */ root) => {
    const { values } = parseArgs({ args, options: { port: { type: 'string', default: process.env.PORT ?? '8080' } } });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new StepError(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
    }
    const { url, close } = await docsServe(root, { port });
    // Listening before the line that says Ctrl+C stops it: a Ctrl+C right after it must stop the
    // server (and print "done"), not kill the process. run() resolves once stopped.
    const stopped = interrupted();
    process.stdout.write(
      `Docs at ${url} (llms.txt and llms-full.txt beside it; rebuilt when spec/ changes; Ctrl+C stops)\n`,
    );
    await stopped;
    await close();
  },
};

if (isMain(import.meta.url)) await runScript(cli);
