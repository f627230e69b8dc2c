// A scratch copy of the project's spec, lint config and pipeline inputs, in which a test can make
// an edit and run the real pipeline scripts without touching the working tree.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInProcess, type Cli } from '../../scripts/lib/cli.mjs';
import { PIPELINE_INPUTS } from '../../scripts/lib/project-files.mjs';

/** The project root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A throwaway copy of the project's inputs (spec/, src/, mock/, docs/decisions.yaml, configs,
 * releases/; optionally generated/ and the files a release edits), with node_modules linked.
 */
export interface SpecCopy {
  dir: string;
  /** Replaces the first occurrence of find in a file (relative to dir); throws if it is absent. */
  edit(file: string, find: string, replace: string): void;
  write(file: string, text: string): void;
  read(file: string): string;
  /** Runs `node scripts/<script> [args]` of the real project with this copy as the working directory. */
  run(script: string, args?: string[]): { status: number | null; output: string };
  /**
   * Runs the command of scripts/<script> on this copy inside the test's process: the same code,
   * status and output as run(), without starting Node and loading the pipeline again each time.
   */
  runInProcess(script: string, args?: string[]): Promise<{ status: number; output: string }>;
  remove(): void;
}

/** Copies the inputs of the pipeline into a new temporary folder. */
export function copySpec(options: { withGenerated?: boolean; withPackage?: boolean } = {}): SpecCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'macha-spec-'));
  for (const entry of PIPELINE_INPUTS) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  // The pipeline's tools and the client's dependencies, shared rather than installed again (and
  // Spectral resolves the ruleset package from here). remove() deletes the link, never its target.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (options.withGenerated) cpSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
  // The released contracts: `npm run lint` checks the spec against the latest one.
  if (existsSync(path.join(ROOT, 'releases')))
    cpSync(path.join(ROOT, 'releases'), path.join(dir, 'releases'), { recursive: true });
  // What `npm run release` edits besides the spec.
  if (options.withPackage) {
    for (const file of ['package-lock.json', 'CHANGELOG.md']) {
      if (existsSync(path.join(ROOT, file))) cpSync(path.join(ROOT, file), path.join(dir, file));
    }
  }
  return {
    dir,
    edit(file, find, replace) {
      const target = path.join(dir, file);
      const text = readFileSync(target, 'utf8');
      if (!text.includes(find)) throw new Error(`fixture is stale: ${file} no longer contains ${JSON.stringify(find)}`);
      writeFileSync(target, text.replace(find, replace));
    },
    write(file, text) {
      writeFileSync(path.join(dir, file), text);
    },
    read(file) {
      return readFileSync(path.join(dir, file), 'utf8');
    },
    run(script, args = []) {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    async runInProcess(script, args = []) {
      const { cli } = (await import(pathToFileURL(path.join(ROOT, 'scripts', script)).href)) as { cli: Cli };
      return runInProcess(cli, args, dir);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
