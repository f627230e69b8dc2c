// @ts-check
// Builds the npm package (dist/package) with the TypeScript compiler API, reporting type errors
// with file and line like tsc does. Parsed (and bound) source files are kept between builds while
// their text is unchanged: most of a build is parsing lib.dom.d.ts and friends, so a warm process
// (a worker lane, watch mode, the tests) rebuilds in a fraction of the time. `warmPackage` does
// that parsing ahead, while the spec is still being linted.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheIsCurrent, cachedBuild, storeBuild } from './package-cache.mjs';
import { StepError } from './steps.mjs';
import { loadTypeScript } from './typescript.mjs';

const ts = loadTypeScript();
/** The package build's compiler options and files. */
const BUILD_CONFIG = 'tsconfig.build.json';

/** @type {Map<string, import("typescript").SourceFile>} by file name and module format */
const parsed = new Map();

/**
 * A compiler host that reads `overrides` (absolute file → text) instead of the disk, and reuses
 * parsed files whose text has not changed.
 * @param {import("typescript").CompilerOptions} options
 * @param {Map<string, string>} overrides
 */
function cachingHost(options, overrides) {
  const host = ts.createCompilerHost(options);
  // What tsc does since TypeScript 5.3: skip JSDoc that cannot matter to types (a fifth of parsing).
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const readFile = (/** @type {string} */ file) => overrides.get(file) ?? ts.sys.readFile(file);
  host.readFile = readFile;
  host.fileExists = (file) => overrides.has(file) || ts.sys.fileExists(file);
  // generated/ may not exist yet on disk (a fresh checkout): module resolution asks for the folder.
  host.directoryExists = (dir) =>
    [...overrides.keys()].some((file) => file.startsWith(`${dir}${path.sep}`)) || ts.sys.directoryExists(dir);
  host.getSourceFile = (file, languageVersion) => {
    const text = readFile(file);
    if (text === undefined) return undefined;
    const format = typeof languageVersion === 'object' ? languageVersion.impliedNodeFormat : undefined;
    const key = `${file}\0${format}`;
    const cached = parsed.get(key);
    if (cached?.text === text) return cached;
    const sourceFile = ts.createSourceFile(file, text, languageVersion);
    parsed.set(key, sourceFile);
    return sourceFile;
  };
  return host;
}

/**
 * The compiler options and files of root/tsconfig.build.json.
 * @param {string} root
 */
function readConfig(root) {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, BUILD_CONFIG),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new StepError(`${BUILD_CONFIG}: cannot be read`);
  return config;
}

/**
 * @param {readonly import("typescript").Diagnostic[]} diagnostics
 * @param {string} root
 */
function format(diagnostics, root) {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

/**
 * Compiles src/ and the generated types per tsconfig.build.json into outDir (default: the config's,
 * dist/package); throws StepError on any diagnostic. `files` (project-relative path → text)
 * stand in for files on disk, such as generated types not yet moved into generated/. Resolves
 * with 'reused' when the last build's type check still held (package-cache.mjs), else 'built'.
 * @param {{ root?: string, outDir?: string, files?: Record<string, string> }} [options]
 * @returns {'reused' | 'built'}
 */
export function buildPackage(options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  const config = readConfig(root);
  const compilerOptions = options.outDir
    ? { ...config.options, outDir: path.resolve(root, options.outDir) }
    : config.options;
  const overrides = new Map(
    Object.entries(options.files ?? {}).map(([file, text]) => [path.resolve(root, file), text]),
  );
  const rootNames = [...new Set([...config.fileNames, ...overrides.keys()])];
  const outDir = /** @type {string} */ (compilerOptions.outDir);
  /** @type {import('./package-cache.mjs').BuildInput} */
  const input = {
    rootNames,
    options: compilerOptions,
    root,
    read: (file) => overrides.get(file) ?? ts.sys.readFile(file),
  };
  const { outputs: cached, snapshot } = config.errors.length === 0 ? cachedBuild(input) : { snapshot: undefined };
  if (cached) {
    writeOutputs(outDir, cached);
    return 'reused';
  }
  const program = ts.createProgram({
    rootNames,
    options: compilerOptions,
    host: cachingHost(compilerOptions, overrides),
  });
  // getPreEmitDiagnostics without its declaration diagnostics: the emit reports those, and getting
  // them first would build every declaration file twice.
  const diagnostics = [
    ...config.errors,
    ...program.getOptionsDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  /** @type {{ output: string, text: string, source: string }[]} */
  const emitted = [];
  if (diagnostics.length === 0) {
    const result = program.emit(undefined, (file, text, _bom, _onError, sources) => {
      emitted.push({ output: path.relative(outDir, file), text, source: sources?.[0]?.fileName ?? '' });
    });
    diagnostics.push(...result.diagnostics);
  }
  if (diagnostics.length > 0) {
    throw new StepError(
      `${format(diagnostics, root)}The client (src/) no longer compiles against the generated types: update src/ for the spec change.`,
    );
  }
  writeOutputs(outDir, Object.fromEntries(emitted.map(({ output, text }) => [output, text])));
  if (snapshot) storeBuild(input, snapshot, program, emitted);
  return 'built';
}

/**
 * Writes a build's outputs (path relative to outDir → text).
 * @param {string} outDir
 * @param {Record<string, string>} outputs
 */
function writeOutputs(outDir, outputs) {
  for (const [file, text] of Object.entries(outputs)) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * Parses every file of the package build as it is on disk now (lib files included), so that the
 * next buildPackage only parses what changed. Parsing only: a type checker made here as well cost
 * more than it saved (measured: warm-up and build 2.6 s → 1.4 s without it). Skipped when the
 * cached build is of the files on disk (package-cache.mjs): the next build most likely comes from
 * the cache, and parsing would only take a core from the lint. Never fails: problems are
 * buildPackage's.
 * @param {{ root?: string }} [options]
 */
export function warmPackage(options = {}) {
  try {
    const root = path.resolve(options.root ?? process.cwd());
    const config = readConfig(root);
    if (cacheIsCurrent(root, config.fileNames)) return;
    ts.createProgram({
      rootNames: config.fileNames,
      options: config.options,
      host: cachingHost(config.options, new Map()),
    });
  } catch {
    // Nothing to warm up; the build reports what is wrong.
  }
}
