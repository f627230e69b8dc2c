// Packs the package once per test file from the dist/package that `pretest` built (it has its own
// package.json and README: the package is published from that folder), as `npm pack` would.
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
    const source = path.join(ROOT, 'dist', 'package');
    const output = execFileSync('npm', ['pack', source, '--ignore-scripts', '--json', '--pack-destination', dir], {
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

/**
 * The tsconfig of a strict consumer project for one module resolution mode: the platform an app
 * targets (fetch, Request, AbortSignal) without @types/node, and the package's own declarations
 * checked too, as a strict consumer may have them checked. `extra` adds compiler options.
 */
export function consumerTsconfig(resolution: 'bundler' | 'node16', extra: Record<string, unknown> = {}) {
  return {
    compilerOptions: {
      strict: true,
      ...extra,
      target: 'ES2022',
      module: resolution === 'bundler' ? 'ESNext' : 'Node16',
      moduleResolution: resolution,
      outDir: `out-${resolution}`,
      lib: ['ES2022', 'DOM'],
      types: [],
      skipLibCheck: false,
      skipDefaultLibCheck: true,
    },
    files: ['main.ts'],
  };
}
