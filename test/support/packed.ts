// Packs the package once per test file (from the dist/package that `pretest` built), the way
// `npm pack` on a clean checkout would, without running prepack again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './spec-copy.js';

/** Runs `npm pack` into a new temporary folder; returns the tarball's path and what removes the folder. */
export function packTarball(): { tarball: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'macha-pack-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const [{ filename }] = JSON.parse(output) as [{ filename: string }];
    return { tarball: path.join(dir, filename), remove };
  } catch (error) {
    remove();
    throw error;
  }
}
