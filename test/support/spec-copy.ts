// A scratch copy of the project's spec, lint config and pipeline inputs, in which a test can make
// an edit and run the real pipeline scripts without touching the working tree.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The project root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A throwaway project folder holding spec/, redocly.yaml, .spectral.yaml and (optionally) generated/. */
export interface SpecCopy {
  dir: string;
  /** Replaces the first occurrence of find in a file (relative to dir); throws if it is absent. */
  edit(file: string, find: string, replace: string): void;
  write(file: string, text: string): void;
  read(file: string): string;
  /** Runs `node scripts/<script>` of the real project with this copy as the working directory. */
  run(script: string): { status: number | null; output: string };
  remove(): void;
}

/** Copies the inputs of the pipeline into a new temporary folder. */
export function copySpec(options: { withGenerated?: boolean } = {}): SpecCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'macha-spec-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  cpSync(path.join(ROOT, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
  cpSync(path.join(ROOT, '.spectral.yaml'), path.join(dir, '.spectral.yaml'));
  // .spectral.yaml extends a ruleset by package name, which Spectral resolves from the ruleset's
  // folder, as in the project itself. remove() deletes the link only, never its target.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (options.withGenerated) cpSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
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
    run(script) {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script)], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
