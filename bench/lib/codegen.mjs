// @ts-check
// Runs each code generator once, measured (wall time, CPU, peak memory): our whole pipeline on a
// project folder, and the peers' codegen alone on that project's bundle; and tsc --noEmit over
// what each one generated.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HEY_API_CLI, ORVAL_CLI, PIPELINE_NODE_OPTIONS, ROOT, TSC } from './paths.mjs';
import { timedNode } from './timed.mjs';

/**
 * Our `npm run generate` (lint, bundle, types, docs, client package) on a project folder.
 * @param {string} project
 */
export function ourGenerate(project) {
  return timedNode([...PIPELINE_NODE_OPTIONS, path.join(ROOT, 'scripts', 'generate.mjs')], { cwd: project });
}

/**
 * @hey-api/openapi-ts with its defaults (types, SDK, fetch client) from a bundle into outDir.
 * @param {string} input
 * @param {string} outDir
 */
export function heyApi(input, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(outDir), { recursive: true });
  return timedNode([HEY_API_CLI, '--input', input, '--output', outDir], { cwd: path.dirname(outDir) });
}

/**
 * orval with its fetch client from a bundle into outDir/api.ts.
 * @param {string} input
 * @param {string} outDir
 */
export function orval(input, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(outDir), { recursive: true });
  return timedNode([ORVAL_CLI, '--input', input, '--output', path.join(outDir, 'api.ts'), '--client', 'fetch'], {
    cwd: path.dirname(outDir),
  });
}

/**
 * tsc --noEmit (strict) over generated TypeScript files, in a folder of their own.
 * @param {string} dir holds the files (and gets a tsconfig.json)
 */
export function typecheck(dir) {
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        types: [],
      },
      include: ['**/*.ts'],
    }),
  );
  return timedNode([TSC, '-p', path.join(dir, 'tsconfig.json')], { cwd: dir });
}

/**
 * Copies our generated TypeScript (generated/schema.ts, operations.ts) of a project into dir, with
 * the one hand-written module the declarations are written with (src/types.ts), at the same
 * relative places so that their imports resolve.
 * @param {string} project
 * @param {string} dir
 */
export function copyOurTypes(project, dir) {
  rmSync(dir, { recursive: true, force: true });
  for (const file of ['generated/schema.ts', 'generated/operations.ts', 'src/types.ts']) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(project, file), path.join(dir, file));
  }
}
