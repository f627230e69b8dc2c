// @ts-check
// `npm run generate`: lint, bundle (YAML + JSON), generate the TypeScript types and the operation
// table, build the docs site and the client package, printing each step's duration. Outputs are
// written to a scratch folder first and moved into generated/ (and dist/docs/) only when every
// step has succeeded, so a failed run leaves the previous files exactly as they were.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { lint } from './lint.mjs';
import { buildDocs } from './lib/docs.mjs';
import { redocly } from './lib/redocly.mjs';
import { runCommand, step, StepError } from './lib/steps.mjs';
import { operationsSource } from './lib/operations.mjs';
import { buildPackage } from './lib/package.mjs';
import { generateTypes } from './lib/types.mjs';

const OUT_DIR = path.resolve('generated');
const SCRATCH_DIR = path.resolve('dist', '.generate');
/** Every file generate writes into generated/. */
export const GENERATED_FILES = ['openapi.yaml', 'openapi.json', 'schema.ts', 'operations.ts'];
const DOCS_DIR = path.resolve('dist', 'docs');

/**
 * Fails when two component files share a name, which Redocly would bundle as Name and Name-2.
 * @param {{ components?: Record<string, Record<string, unknown>> }} bundle
 */
function checkComponentNames(bundle) {
  const clashes = Object.entries(bundle.components ?? {}).flatMap(([kind, named]) =>
    Object.keys(named ?? {})
      .filter((name) => /-\d+$/.test(name))
      .map((name) => `components.${kind}.${name}: two files under spec/components/ are named ${name.replace(/-\d+$/, '')}.yaml; rename one`),
  );
  if (clashes.length > 0) throw new StepError(clashes.join('\n'));
}

/** Runs the pipeline; resolves with the files written, relative to the project. */
export async function generate() {
  await lint();
  await rm(SCRATCH_DIR, { recursive: true, force: true });
  await mkdir(SCRATCH_DIR, { recursive: true });
  const yamlFile = path.join(SCRATCH_DIR, 'openapi.yaml');
  const bundle = await step('bundle (yaml + json)', async () => {
    await redocly(['bundle', 'macha@v1', '--output', yamlFile]);
    const parsed = parse(await readFile(yamlFile, 'utf8'));
    checkComponentNames(parsed);
    await writeFile(path.join(SCRATCH_DIR, 'openapi.json'), `${JSON.stringify(parsed, null, 2)}\n`);
    return parsed;
  });
  await step('types (openapi-typescript)', async () => {
    await writeFile(path.join(SCRATCH_DIR, 'schema.ts'), await generateTypes(bundle));
    const { version } = JSON.parse(await readFile('package.json', 'utf8'));
    await writeFile(path.join(SCRATCH_DIR, 'operations.ts'), operationsSource(bundle, version));
  });
  await step('docs (redoc)', () => buildDocs(yamlFile, path.join(SCRATCH_DIR, 'docs', 'index.html')));
  await step('move into generated/ and dist/docs/', async () => {
    await mkdir(OUT_DIR, { recursive: true });
    for (const name of GENERATED_FILES) {
      await rename(path.join(SCRATCH_DIR, name), path.join(OUT_DIR, name));
    }
    await mkdir(DOCS_DIR, { recursive: true });
    await rename(path.join(SCRATCH_DIR, 'docs', 'index.html'), path.join(DOCS_DIR, 'index.html'));
    await rm(SCRATCH_DIR, { recursive: true, force: true });
  });
  // Built from the files just moved; dist/ is disposable output, so it is built in place.
  await step('package (tsc → dist/package)', async () => {
    await rm(path.resolve('dist', 'package'), { recursive: true, force: true });
    buildPackage();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await runCommand('generate', generate);
