// @ts-check
// `npm run generate`: the spec is loaded and bundled once, then each step below runs as a
// function of { root, bundle, scratch }, printing its duration. Steps write under the run's scratch
// folder (dist/.generate-<pid>/) at the paths their outputs have in the project; when every step
// has passed, the outputs are moved into generated/ and dist/ as one transaction (lib/move.mjs),
// so a failed or killed run leaves the previous outputs in place. One run at a time per project
// (lib/lock.mjs); a run first recovers the move of a run that was killed.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSpec, SPEC_CHECKS } from './lint.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { withLock } from './lib/lock.mjs';
import { moveIntoPlace, recoverMove, scratchOutputs } from './lib/move.mjs';
import { bundleYaml } from './lib/openapi.mjs';
import { writeDecisions } from './lib/decisions.mjs';
import { operationsStep } from './lib/operations.mjs';
import { GENERATED_FILES } from './lib/releases.mjs';
import { log, step, StepError } from './lib/steps.mjs';

/** Every file generate writes into generated/ (listed with the release code, which restores them on failure). */
export { GENERATED_FILES };

/**
 * What every step is a function of.
 * @typedef {{ root: string, bundle: Record<string, any>, scratch: string }} StepInput
 */

/** The lock that keeps two runs on one project apart, relative to the project. */
export const LOCK = path.join('dist', '.generate.lock');

/**
 * Writes text to a file under scratch, making its folder.
 * @param {string} scratch
 * @param {string} file relative to the project
 * @param {string} text
 */
async function writeOutput(scratch, file, text) {
  const target = path.join(scratch, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}

/**
 * The bundle step: generated/openapi.yaml and openapi.json. Fails when two component files share
 * a name, which Redocly would bundle as Name and Name-2.
 * @param {StepInput} input
 */
export async function bundleFiles({ bundle, scratch }) {
  const clashes = Object.entries(bundle.components ?? {}).flatMap(([kind, named]) =>
    Object.keys(named ?? {})
      .filter((name) => /-\d+$/.test(name))
      .map((name) => {
        const file = `${name.replace(/-\d+$/, '')}.yaml`;
        return `components.${kind}.${name}: two files under spec/components/ are named ${file}; rename one`;
      }),
  );
  if (clashes.length > 0) throw new StepError(clashes.join('\n'));
  await writeOutput(scratch, 'generated/openapi.yaml', await bundleYaml(bundle));
  await writeOutput(scratch, 'generated/openapi.json', `${JSON.stringify(bundle, null, 2)}\n`);
}

/**
 * The docs step: the page, llms.txt and llms-full.txt (scripts/lib/docs.mjs).
 * @param {StepInput} input
 */
export async function docs(input) {
  const { buildDocs } = await import('./lib/docs.mjs');
  await buildDocs(input);
}

/**
 * The package step (scripts/lib/package.mjs): the client compiled against the new generated files.
 * @param {StepInput} input
 */
async function clientPackage(input) {
  const { packageStep } = await import('./lib/package.mjs');
  await packageStep(input);
}

/**
 * The mock package step (scripts/lib/mock-package.mjs): @macha/api-mock, bundled with the spec.
 * @param {StepInput} input
 */
async function mockPackage(input) {
  const { buildMockPackage } = await import('./lib/mock-package.mjs');
  await buildMockPackage(input);
}

/**
 * The types step (scripts/lib/types.mjs).
 * @param {StepInput} input
 */
async function types(input) {
  const { types: generateTypes } = await import('./lib/types.mjs');
  await generateTypes(input);
}

/** @typedef {[string, (input: StepInput) => Promise<unknown>][]} Lane steps run one after another */

/**
 * The pipeline after loading and bundling: the lint checks in order, then the bundle files, then
 * lanes that run at the same time, each lane's steps in order. A lane reads only the bundle and
 * its own earlier outputs: the client package compiles the types and operation table of its lane;
 * docs, the decisions table and the mock package need the bundle alone. esbuild and file writes
 * run outside this thread, so the mock package overlaps the TypeScript work. The heavy tools
 * (TypeScript, Redoc) are imported by the step that uses them: their loading counts in that step's
 * time, and a run that fails its lint never pays for them.
 */
export const STEPS = {
  checks: SPEC_CHECKS.map(
    ([name, check]) => /** @type {[string, (input: StepInput) => Promise<unknown>]} */ ([name, check]),
  ),
  bundle: /** @type {Lane} */ ([['bundle (yaml + json)', bundleFiles]]),
  lanes: /** @type {Lane[]} */ ([
    [
      ['types (openapi-typescript)', types],
      ['operation table + client declarations', operationsStep],
      ['package (tsc → dist/package)', clientPackage],
    ],
    [
      ['mock package (esbuild → dist/mock-package)', mockPackage],
      ['docs (redoc)', docs],
      ['decisions table (docs/decisions.md)', writeDecisions],
    ],
  ]),
};

/**
 * Runs the lanes at the same time and waits for every one to end (so nothing writes into the
 * scratch folder once it is removed); rejects with the first failure.
 * @param {Lane[]} lanes
 * @param {StepInput} input
 */
async function runLanes(lanes, input) {
  const results = await Promise.allSettled(
    lanes.map(async (lane) => {
      for (const [name, run] of lane) await step(name, () => run(input));
    }),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw /** @type {PromiseRejectedResult} */ (failed).reason;
}

/**
 * Runs `run` holding the project's pipeline lock, after recovering a killed run's move.
 * @template T
 * @param {string} root
 * @param {() => Promise<T>} run
 */
export function underLock(root, run) {
  const onWait = (/** @type {number | undefined} */ pid) =>
    log(`waiting for the run of process ${pid ?? '?'} on this project to finish (${LOCK})…\n`);
  return withLock(
    path.join(root, LOCK),
    async () => {
      const recovered = await recoverMove(root);
      if (recovered) log(`${recovered}\n`);
      // A scratch folder left by a killed run (no other run is active: we hold the lock).
      for (const name of await readdir(path.join(root, 'dist')).catch(() => []))
        if (name.startsWith('.generate-') && name !== '.generate-journal.json')
          await rm(path.join(root, 'dist', name), { recursive: true, force: true });
      return run();
    },
    { onWait },
  );
}

/**
 * Runs the pipeline on the project in root.
 * @param {{ root: string }} options
 */
export async function generate({ root }) {
  await underLock(root, async () => {
    const bundle = await step('load + bundle', () => loadSpec(root));
    const scratch = path.join(root, 'dist', `.generate-${process.pid}`);
    await rm(scratch, { recursive: true, force: true });
    try {
      const input = { root, bundle, scratch };
      for (const [name, run] of [...STEPS.checks, ...STEPS.bundle]) await step(name, () => run(input));
      await runLanes(STEPS.lanes, input);
      await step('move into generated/ and dist/', async () =>
        moveIntoPlace(root, scratch, await scratchOutputs(scratch)),
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
}

/** `npm run generate` on the project in root. */
export const cli = {
  title: 'generate',
  run: (/** @type {string[]} */ _args, /** @type {string} */ root) => generate({ root }),
};

if (isMain(import.meta.url)) await runScript(cli);
