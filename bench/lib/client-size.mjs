// @ts-check
// The client's browser bundle (everything a browser app gets from `export * from the package`),
// minified and gzipped, and what each module of it costs: its minified bytes in the bundle and
// the gzip bytes the bundle loses without it (its gzip share, which is what a feature costs).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import path from 'node:path';
import { isMain } from '../../scripts/lib/cli.mjs';
import { ROOT } from './paths.mjs';

const ENTRY = path.join(ROOT, 'dist', 'package', 'src', 'index.js');

/** Bundles the package for a browser; returns the min+gzip bytes and esbuild's per-input bytes. */
async function bundle() {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(ENTRY)};`, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]);
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  return { gzip: gzipSync(output.contents, { level: 9 }).byteLength, min: output.contents.byteLength, inputs };
}

/** The bundle's size and each module's minified bytes, largest first. */
export async function clientSize() {
  const { gzip, min, inputs } = await bundle();
  const modules = Object.entries(inputs)
    .map(([file, { bytesInOutput }]) => ({
      module: path.relative(ROOT, file).replace(/^node_modules\//, ''),
      min: bytesInOutput,
    }))
    .sort((a, b) => b.min - a.min);
  // A module's gzip share: its minified share of the bundle applied to the gzip total.
  return {
    gzip,
    min,
    modules: modules.map((entry) => ({ ...entry, gzipShare: Math.round((entry.min / min) * gzip) })),
  };
}

if (isMain(import.meta.url)) process.stdout.write(`${JSON.stringify(await clientSize(), null, 2)}\n`);
