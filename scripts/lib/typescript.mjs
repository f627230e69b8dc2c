// @ts-check
// Loads TypeScript for the pipeline, with V8's code cache: typescript.js is 9 MB of JavaScript that
// Node 20 compiles from source in every process (a quarter of a second, on the TypeScript lane's
// critical path; Node 22's module.enableCompileCache does this for every module). The compiled
// code is kept in node_modules/.cache/macha-pipeline/, named after the TypeScript, Node and V8
// versions; V8 also checks it against the source and flags, and recompiles when it does not match.
// Anything unexpected falls back to a plain require().
//
// It is registered in require's cache under typescript.js's own path, so openapi-typescript, which
// requires TypeScript too, gets this same instance.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { writeCacheFile } from './cache-file.mjs';

const require = createRequire(import.meta.url);

/** @returns {typeof import('typescript')} */
export function loadTypeScript() {
  const file = require.resolve('typescript');
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  try {
    const { version } = require('typescript/package.json');
    const cacheDir = path.join(
      path.dirname(require.resolve('typescript/package.json')),
      '..',
      '.cache',
      'macha-pipeline',
    );
    const cacheFile = path.join(cacheDir, `typescript-${version}-node${process.version}-v8-${process.versions.v8}.bin`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet: compiled from source, and cached below.
    }
    const script = new vm.Script(/** @type {any} */ (Module).wrap(readFileSync(file, 'utf8')), {
      filename: file,
      cachedData,
    });
    const module = new Module(file);
    module.filename = file;
    module.paths = /** @type {any} */ (Module)._nodeModulePaths(path.dirname(file));
    require.cache[file] = module;
    script
      .runInThisContext()
      .call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    module.loaded = true;
    if (!cachedData || script.cachedDataRejected) writeCacheFile(cacheFile, script.createCachedData());
    return module.exports;
  } catch {
    delete require.cache[file];
    return require('typescript');
  }
}
