// @ts-check
// Reuses the last successful package build when what it compiled has not changed in any way that
// matters to types. The common spec edit (a description, an example) changes generated/schema.ts
// only in its JSDoc: the type check would pass again and every output but that file's own would be
// byte for byte the same, so the check is skipped and only the changed files are emitted again, one
// file at a time (TypeScript's transpileModule and transpileDeclaration, no type checker).
//
// Like tsc's .tsbuildinfo, and stricter: a file counts as unchanged for the type check when its
// text without comments is the same (its whole text, if it has a comment that steers the compiler:
// `@ts-…`, `///`); every other file the program read (openapi-fetch's declarations, ...) must be
// the same byte for byte; and a file is emitted on its own only if, in the full build that filled
// the cache, emitting it on its own gave exactly what the whole program emitted. Anything else is
// a full build.
//
// The cache is the project's own (dist/.cache/, git-ignored): a fresh checkout builds in full.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTypeScript } from './typescript.mjs';

const ts = loadTypeScript();
const FORMAT = 3;

/** @param {string} text */
const sha = (text) => createHash('sha256').update(text).digest('hex');

/**
 * @typedef {{ text: string, type: string, isolated: boolean, outputs: Record<string, string> }} RootEntry
 *   a root file as last built: the hashes of its full text and of its type-level text, whether it
 *   emits the same on its own, and its outputs (path relative to outDir → text)
 * @typedef {{ format: number, key: string, roots: Record<string, RootEntry>, dependencies: Record<string, string> }} Manifest
 * @typedef {{ rootNames: string[], options: import('typescript').CompilerOptions, root: string, read(file: string): string | undefined }} BuildInput
 */

/**
 * What a file means to the type checker: its syntax without comments. A file with a comment that
 * steers the compiler (`@ts-ignore` and the like, `///` references) means its whole text, since
 * where such a comment stands matters. Undefined when the file does not parse (a full build
 * reports it).
 * @param {string} file
 * @param {string} text
 */
function typeText(file, text) {
  if (/@ts-|\/\/\//.test(text)) return text;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  if (/** @type {{ parseDiagnostics?: unknown[] }} */ (/** @type {unknown} */ (source)).parseDiagnostics?.length !== 0) return undefined;
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/**
 * JSON with every object's keys sorted, at any depth: the same options give the same text.
 * @param {unknown} value
 */
const stableJson = (value) =>
  JSON.stringify(value, (_key, inner) => (inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner));

/**
 * The key of a build: the compiler and its options (outDir aside: the outputs are stored relative
 * to it) and the type-level text of every root file, taken from `known` for a file whose text is
 * the one recorded there (parsing and printing it again would give the same). Undefined when a
 * root file is missing or does not parse.
 * @param {BuildInput} input
 * @param {Record<string, RootEntry>} [known]
 * @returns {{ key: string, types: Record<string, string> } | undefined}
 */
function buildKey({ rootNames, options, root, read }, known = {}) {
  const { outDir: _outDir, configFilePath: _config, ...rest } = options;
  const parts = [ts.version, stableJson(rest)];
  /** @type {Record<string, string>} */
  const types = {};
  for (const file of [...rootNames].sort()) {
    const relative = path.relative(root, file);
    const text = read(file);
    if (text === undefined) return undefined;
    const entry = known[relative];
    let type = entry?.text === sha(text) ? entry.type : undefined;
    if (type === undefined) {
      const meaning = typeText(file, text);
      if (meaning === undefined) return undefined;
      type = sha(meaning);
    }
    types[relative] = type;
    parts.push(relative, type);
  }
  return { key: sha(parts.join('\0')), types };
}

/**
 * Where the project in root keeps its last package build.
 * @param {string} root
 */
const cacheFile = (root) => path.join(root, 'dist', '.cache', 'package-build.json');

/**
 * @param {string} root
 * @returns {Manifest | undefined}
 */
function readManifest(root) {
  try {
    const manifest = JSON.parse(readFileSync(cacheFile(root), 'utf8'));
    return manifest?.format === FORMAT ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One root file emitted on its own: its JavaScript and its declarations, by path relative to outDir.
 * @param {string} file
 * @param {string} text
 * @param {BuildInput} input
 */
function emitAlone(file, text, { options, root }) {
  const relative = path.relative(options.rootDir ?? root, file).replace(/\.ts$/, '');
  // The package is ESM ("type": "module"), which a single-file transpile cannot look up.
  const compilerOptions = { ...options, module: ts.ModuleKind.ESNext };
  return {
    [`${relative}.js`]: ts.transpileModule(text, { compilerOptions, fileName: file }).outputText,
    [`${relative}.d.ts`]: ts.transpileDeclaration(text, { compilerOptions, fileName: file }).outputText,
  };
}

/**
 * The outputs of the cached build for these inputs (path relative to outDir → text), with the
 * files whose text changed only in comments emitted again on their own; undefined when a full
 * build is needed.
 * @param {BuildInput} input
 * @returns {Record<string, string> | undefined}
 */
export function cachedBuild(input) {
  const manifest = readManifest(input.root);
  const built = manifest && buildKey(input, manifest.roots);
  if (!manifest || !built || manifest.key !== built.key) return undefined;
  for (const [file, hash] of Object.entries(manifest.dependencies)) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    if (sha(text) !== hash) return undefined;
  }
  /** @type {Record<string, string>} */
  const outputs = {};
  let updated = false;
  for (const file of input.rootNames) {
    const entry = manifest.roots[path.relative(input.root, file)];
    const text = input.read(file);
    if (!entry || text === undefined) return undefined;
    if (sha(text) !== entry.text) {
      if (!entry.isolated) return undefined;
      // The entry now describes this text, so the next run starts from it.
      Object.assign(entry, { text: sha(text), type: /** @type {string} */ (built.types[path.relative(input.root, file)]), outputs: emitAlone(file, text, input) });
      updated = true;
    }
    Object.assign(outputs, entry.outputs);
  }
  if (updated) writeManifest(input.root, manifest);
  return outputs;
}

/**
 * Replaces the cache file. Never fails: without a cache the next build is a full one.
 * @param {string} root
 * @param {Manifest} manifest
 */
function writeManifest(root, manifest) {
  const file = cacheFile(root);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: builds running side by side never read half a file.
    const temporary = `${file}.${process.pid}.${Date.now()}`;
    writeFileSync(temporary, JSON.stringify(manifest));
    renameSync(temporary, file);
  } catch {
    // A read-only project folder: no cache.
  }
}

/**
 * Stores a successful full build: its outputs per root file (`emitted`: output path relative to
 * outDir → text, and the root file that produced it) and every other file the program read.
 * Never fails: without a cache the next build is a full one.
 * @param {BuildInput} input
 * @param {import('typescript').Program} program
 * @param {{ output: string, text: string, source: string }[]} emitted
 */
export function storeBuild(input, program, emitted) {
  try {
    const built = buildKey(input);
    if (built === undefined) return;
    const roots = new Set(input.rootNames.map((file) => path.resolve(file)));
    /** @type {Record<string, string>} */
    const dependencies = {};
    // Whether src/ is ESM comes from package.json's "type".
    dependencies[path.join(input.root, 'package.json')] = sha(readFileSync(path.join(input.root, 'package.json'), 'utf8'));
    for (const source of program.getSourceFiles()) {
      const file = path.resolve(source.fileName);
      // TypeScript's own lib files come with its version, which is in the key.
      if (!roots.has(file) && !program.isSourceFileDefaultLibrary(source)) dependencies[file] = sha(source.text);
    }
    /** @type {Record<string, RootEntry>} */
    const rootEntries = {};
    for (const file of roots) {
      const text = input.read(file);
      if (text === undefined) return;
      const outputs = Object.fromEntries(emitted.filter((one) => path.resolve(one.source) === file).map((one) => [one.output, one.text]));
      const alone = emitAlone(file, text, input);
      const isolated = Object.keys(alone).length === Object.keys(outputs).length && Object.entries(alone).every(([output, text]) => outputs[output] === text);
      const relative = path.relative(input.root, file);
      rootEntries[relative] = { text: sha(text), type: /** @type {string} */ (built.types[relative]), isolated, outputs };
    }
    writeManifest(input.root, { format: FORMAT, key: built.key, roots: rootEntries, dependencies });
  } catch {
    // Something unexpected in the program: no cache, the next build is a full one.
  }
}

/**
 * Whether the cached build is of the files as they are on disk now (src/ and the generated types
 * last written): then the next build will most likely come from the cache, and parsing the whole
 * program ahead (warmPackage) would only take a core from the rest of the run.
 * @param {string} root
 * @param {string[]} rootNames
 */
export function cacheIsCurrent(root, rootNames) {
  const manifest = readManifest(root);
  if (!manifest) return false;
  return rootNames.every((file) => {
    const entry = manifest.roots[path.relative(root, file)];
    try {
      return entry !== undefined && sha(readFileSync(file, 'utf8')) === entry.text;
    } catch {
      return false;
    }
  });
}
