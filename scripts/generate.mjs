// @ts-check
// `npm run generate`: lint, bundle (YAML + JSON), generate the TypeScript types and the operation
// table, build the docs site and the client package, printing each step's duration. Outputs are
// written to a scratch folder first and moved into generated/, dist/docs/ and dist/package/ only
// when every step has succeeded, so a failed run leaves the previous files exactly as they were.
//
// One process: Redocly lints and bundles on the main thread while Spectral (in lint) and
// TypeScript (types, then the package build) work in worker threads, started ahead (see
// lib/prestart.mjs); the types and the package build start as soon as the spec is bundled, and
// the docs page is assembled while the package compiles.
import './lib/prestart.mjs'; // first: starts the worker lanes before the heavy modules below load
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lint } from './lint.mjs';
import { buildDocs } from './lib/docs.mjs';
import { bundleCurrentSpec, GENERATED_FILES } from './lib/releases.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { begin, log, step, StepError } from './lib/steps.mjs';
import { operationsSource } from './lib/operations.mjs';
import { callInWorker } from './lib/workers.mjs';

/** Every file generate writes into generated/ (kept with the release code, which puts them back when a release fails). */
export { GENERATED_FILES };
const TYPES = new URL('./lib/types.mjs', import.meta.url);
const PACKAGE = new URL('./lib/package.mjs', import.meta.url);

/**
 * Fails when two component files share a name, which Redocly would bundle as Name and Name-2.
 * @param {{ components?: Record<string, Record<string, unknown>> }} bundle
 */
function checkComponentNames(bundle) {
  const clashes = Object.entries(bundle.components ?? {}).flatMap(([kind, named]) =>
    Object.keys(named ?? {})
      .filter((name) => /-\d+$/.test(name))
      .map(
        (name) =>
          `components.${kind}.${name}: two files under spec/components/ are named ${name.replace(/-\d+$/, '')}.yaml; rename one`,
      ),
  );
  if (clashes.length > 0) throw new StepError(clashes.join('\n'));
}

/**
 * The generated TypeScript of a bundle, by project-relative path: the types (made in the
 * TypeScript worker lane, where TypeScript is loaded) and the client's operation table.
 * @param {string} root
 * @param {Record<string, any>} parsed the bundle
 * @returns {Promise<Record<string, string>>}
 */
async function typeFiles(root, parsed) {
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  return {
    'generated/schema.ts': await callInWorker('typescript', TYPES, 'generateTypes', parsed),
    'generated/operations.ts': operationsSource(parsed, version),
  };
}

/**
 * Watch mode's fast path: bundles the spec as it is (the lint comes after, in generate) and writes
 * the types and the operation table straight into generated/, each file only if its text changed
 * (written aside and renamed, so an editor never reads half a file). Resolves with the files
 * that changed, each with its previous and new text; throws a StepError naming the file and line
 * when the spec cannot be bundled.
 * @param {string} root
 * @returns {Promise<{ file: string, before: string, after: string }[]>}
 */
export async function refreshTypes(root) {
  const parsed = await bundleCurrentSpec(root);
  checkComponentNames(parsed);
  const changed = [];
  for (const [file, after] of Object.entries(await typeFiles(root, parsed))) {
    const target = path.join(root, file);
    const before = await readFile(target, 'utf8').catch(() => '');
    if (before === after) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.tmp`, after);
    await rename(`${target}.tmp`, target);
    changed.push({ file, before, after });
  }
  return changed;
}

/**
 * Runs the pipeline on the project in root (default: the current directory).
 * @param {{ root?: string }} [options]
 */
export async function generate(options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  const outDir = path.join(root, 'generated');
  const scratch = path.join(root, 'dist', '.generate');
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  /** @type {import('./lib/steps.mjs').Started<Record<string, string>> | undefined} */
  let types;
  /** @type {import('./lib/steps.mjs').Started<'reused' | 'built'> | undefined} */
  let compiled;
  // The types and the package build start as soon as Redocly has bundled the spec, in the
  // TypeScript lane, while the other lint checks run; a failed check leaves their output in the
  // scratch folder, never in generated/.
  const bundle = await lint({
    root,
    onBundle(ready) {
      const started = begin(async () => {
        const generated = await typeFiles(root, ready.parsed);
        for (const [file, text] of Object.entries(generated))
          await writeFile(path.join(scratch, path.basename(file)), text);
        return generated;
      });
      types = started;
      // The client is compiled against the new types before anything is moved into place.
      compiled = begin(async () =>
        callInWorker('typescript', PACKAGE, 'buildPackage', {
          root,
          files: await started.promise,
          outDir: path.join(scratch, 'package'),
        }),
      );
    },
  });
  await step('bundle (yaml + json)', async () => {
    checkComponentNames(bundle.parsed);
    await writeFile(path.join(scratch, 'openapi.yaml'), bundle.yaml);
    await writeFile(path.join(scratch, 'openapi.json'), `${JSON.stringify(bundle.parsed, null, 2)}\n`);
  });
  await step('types (openapi-typescript)', /** @type {NonNullable<typeof types>} */ (types));
  await step('docs (redoc)', () => buildDocs(bundle.parsed, path.join(scratch, 'docs', 'index.html'), { root }));
  const build = await step('package (tsc → dist/package)', /** @type {NonNullable<typeof compiled>} */ (compiled));
  if (build === 'reused')
    log('  (type check reused: src/ and the types differ from the last build only in comments)\n');
  await step('move into generated/ and dist/', async () => {
    await mkdir(outDir, { recursive: true });
    for (const name of GENERATED_FILES) await rename(path.join(scratch, name), path.join(outDir, name));
    await mkdir(path.join(root, 'dist', 'docs'), { recursive: true });
    await rename(path.join(scratch, 'docs', 'index.html'), path.join(root, 'dist', 'docs', 'index.html'));
    await rm(path.join(root, 'dist', 'package'), { recursive: true, force: true });
    await rename(path.join(scratch, 'package'), path.join(root, 'dist', 'package'));
    await rm(scratch, { recursive: true, force: true });
  });
}

/** `npm run generate` on the project in root. */
export const cli = {
  title: 'generate',
  run: (/** @type {string[]} */ _args, /** @type {string} */ root) => generate({ root }),
};

if (isMain(import.meta.url)) await runScript(cli);
