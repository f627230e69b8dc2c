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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from './cache-file.mjs';
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
 * steers the compiler (`@ts-` comments and the like, `///` references) means its whole text, since
 * where such a comment stands matters. Undefined when the file does not parse (a full build
 * reports it).
 * @param {string} file
 * @param {string} text
 */
function typeText(file, text) {
  if (/@ts-|\/\/\//.test(text)) return text;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  if (/** @type {{ parseDiagnostics?: unknown[] }} */ (/** @type {unknown} */ (source)).parseDiagnostics?.length !== 0)
    return undefined;
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/**
 * JSON with every object's keys sorted, at any depth: the same options give the same text.
 * @param {unknown} value
 */
const stableJson = (value) =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/**
 * @typedef {{ file: string, relative: string, text: string, hash: string, type: string }} RootFile
 *   a root file now: its path (absolute, and relative to the project), text, and the hashes of its
 *   text and of its type-level text
 * @typedef {{ key: string, files: RootFile[] }} Snapshot the build's inputs now, read once
 */

/**
 * The inputs of a build and its key: the compiler and its options (outDir aside: the outputs are
 * stored relative to it) and the type-level text of every root file, taken from `known` for a file
 * whose text is the one recorded there (parsing and printing it again would give the same).
 * Undefined when a root file is missing or does not parse.
 * @param {BuildInput} input
 * @param {Record<string, RootEntry>} [known]
 * @returns {Snapshot | undefined}
 */
function snapshotOf({ rootNames, options, root, read }, known = {}) {
  const { outDir: _outDir, configFilePath: _config, ...rest } = options;
  const parts = [ts.version, stableJson(rest)];
  /** @type {RootFile[]} */
  const files = [];
  for (const file of [...rootNames].map((name) => path.resolve(name)).sort()) {
    const relative = path.relative(root, file);
    const text = read(file);
    if (text === undefined) return undefined;
    const hash = sha(text);
    const entry = known[relative];
    let type = entry?.text === hash ? entry.type : undefined;
    if (type === undefined) {
      const meaning = typeText(file, text);
      if (meaning === undefined) return undefined;
      type = sha(meaning);
    }
    files.push({ file, relative, text, hash, type });
    parts.push(relative, type);
  }
  return { key: sha(parts.join('\0')), files };
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
 * Looks the build up: `outputs` (path relative to outDir → text) when the cached build holds for
 * these inputs, with the files whose text changed only in comments emitted again on their own;
 * without it a full build is needed. `snapshot` (the inputs as read now) goes to storeBuild after
 * that build.
 * @param {BuildInput} input
 * @returns {{ outputs?: Record<string, string>, snapshot: Snapshot | undefined }}
 */
export function cachedBuild(input) {
  const manifest = readManifest(input.root);
  const snapshot = snapshotOf(input, manifest?.roots);
  if (!manifest || !snapshot || manifest.key !== snapshot.key) return { snapshot };
  for (const [file, hash] of Object.entries(manifest.dependencies)) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return { snapshot };
    }
    if (sha(text) !== hash) return { snapshot };
  }
  /** @type {Record<string, string>} */
  const outputs = {};
  let updated = false;
  for (const { file, relative, text, hash, type } of snapshot.files) {
    const entry = manifest.roots[relative];
    if (!entry) return { snapshot };
    if (hash !== entry.text) {
      if (!entry.isolated) return { snapshot };
      // The entry now describes this text, so the next run starts from it.
      Object.assign(entry, { text: hash, type, outputs: emitAlone(file, text, input) });
      updated = true;
    }
    Object.assign(outputs, entry.outputs);
  }
  if (updated) writeManifest(input.root, manifest);
  return { outputs, snapshot };
}

/**
 * Replaces the cache file (never fails: without a cache the next build is a full one).
 * @param {string} root
 * @param {Manifest} manifest
 */
const writeManifest = (root, manifest) => writeCacheFile(cacheFile(root), JSON.stringify(manifest));

/**
 * Stores a successful full build of `snapshot`: its outputs per root file (`emitted`: output path
 * relative to outDir → text, and the root file that produced it) and every other file the program
 * read. Never fails: without a cache the next build is a full one.
 * @param {BuildInput} input
 * @param {Snapshot} snapshot
 * @param {import('typescript').Program} program
 * @param {{ output: string, text: string, source: string }[]} emitted
 */
export function storeBuild(input, snapshot, program, emitted) {
  try {
    const roots = new Set(snapshot.files.map(({ file }) => file));
    /** @type {Record<string, string>} */
    const dependencies = {};
    // Whether src/ is ESM comes from package.json's "type".
    dependencies[path.join(input.root, 'package.json')] = sha(
      readFileSync(path.join(input.root, 'package.json'), 'utf8'),
    );
    for (const source of program.getSourceFiles()) {
      const file = path.resolve(source.fileName);
      // TypeScript's own lib files come with its version, which is in the key.
      if (!roots.has(file) && !program.isSourceFileDefaultLibrary(source)) dependencies[file] = sha(source.text);
    }
    /** @type {Record<string, RootEntry>} */
    const rootEntries = {};
    for (const { file, relative, text, hash, type } of snapshot.files) {
      const outputs = Object.fromEntries(
        emitted.filter((one) => path.resolve(one.source) === file).map((one) => [one.output, one.text]),
      );
      const alone = emitAlone(file, text, input);
      const isolated =
        Object.keys(alone).length === Object.keys(outputs).length &&
        Object.entries(alone).every(([output, text]) => outputs[output] === text);
      rootEntries[relative] = { text: hash, type, isolated, outputs };
    }
    writeManifest(input.root, { format: FORMAT, key: snapshot.key, roots: rootEntries, dependencies });
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
