// @ts-check
// Builds the npm package into dist/package with the TypeScript compiler API (errors reported with
// file and line like tsc does), then writes its package.json and its README for users
// (src/README.md with the generated method reference). The package is published from that
// folder, so the tarball carries the users' README and nothing of the repository.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadTypeScript } from './typescript.mjs';
import { methodReference } from './client-readme.mjs';
import { StepError } from './steps.mjs';

/** The package build's compiler options and files. */
/** The TypeScript compiler API. */
const ts = loadTypeScript();
const BUILD_CONFIG = 'tsconfig.build.json';
/** The generated files the build compiles, project-relative. */
const GENERATED = ['generated/schema.ts', 'generated/operations.ts'];

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
 * Compiles src/ and the generated files per tsconfig.build.json into outDir (default
 * dist/package); throws StepError on any diagnostic. `files` (project-relative path → text) stand
 * in for files on disk, such as generated files not yet moved into generated/. Then writes the
 * package's package.json and README (writePackageFiles) for `bundle` (default: generated/openapi.json).
 * @param {{ root?: string, outDir?: string, files?: Record<string, string>, bundle?: any }} [options]
 * @returns {Promise<'built'>}
 */
export async function buildPackage(options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  const config = readConfig(root);
  const outDir = path.resolve(root, options.outDir ?? /** @type {string} */ (config.options.outDir));
  const compilerOptions = { ...config.options, outDir };
  const overrides = new Map(
    Object.entries(options.files ?? {}).map(([file, text]) => [path.resolve(root, file), text]),
  );
  const host = ts.createCompilerHost(compilerOptions);
  // generated/ may not exist on disk yet (a fresh checkout): module resolution asks for the folder.
  host.directoryExists = (dir) =>
    [...overrides.keys()].some((file) => file.startsWith(`${dir}${path.sep}`)) || ts.sys.directoryExists(dir);
  const readFileFrom = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => overrides.get(file) ?? readFileFrom(file);
  host.fileExists = (file) => overrides.has(file) || ts.sys.fileExists(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = overrides.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const rootNames = [...new Set([...config.fileNames, ...overrides.keys()])];
  const program = ts.createProgram({ rootNames, options: compilerOptions, host });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  if (diagnostics.length === 0) diagnostics.push(...program.emit().diagnostics);
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    });
    throw new StepError(
      `${text}The client (src/) no longer compiles against the generated files: update src/ for the spec change.`,
    );
  }
  // Without a bundle (a caller of the old shape on a fresh checkout) there is no method reference
  // to write: the package files come with the next build that has one.
  const bundleFile = path.join(root, 'generated', 'openapi.json');
  const bundle = options.bundle ?? (existsSync(bundleFile) ? JSON.parse(readFileSync(bundleFile, 'utf8')) : undefined);
  if (bundle) await writePackageFiles({ root, bundle, outDir });
  return 'built';
}

/**
 * Writes the package's package.json (from the root one: name, version, the runtime dependency)
 * and its README (src/README.md with the method reference of the bundle) into outDir.
 * @param {{ root: string, bundle: any, outDir: string }} options
 */
export async function writePackageFiles({ root, bundle, outDir }) {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const published = {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    license: manifest.license,
    keywords: manifest.keywords,
    type: 'module',
    sideEffects: false,
    exports: {
      '.': { types: './src/index.d.ts', default: './src/index.js' },
      './package.json': './package.json',
    },
    types: './src/index.d.ts',
    engines: manifest.engines,
    dependencies: manifest.dependencies,
  };
  const template = await readFile(path.join(root, 'src', 'README.md'), 'utf8');
  if (!template.includes('<!-- methods -->'))
    throw new StepError('src/README.md: the <!-- methods --> marker for the method reference is missing');
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  await writeFile(path.join(outDir, 'README.md'), template.replace('<!-- methods -->', methodReference(bundle)));
}

/**
 * Pipeline step: builds <scratch>/dist/package from src/ and the generated files the earlier
 * steps wrote under <scratch>/generated/ (the committed ones where a step wrote none).
 * @param {{ root: string, bundle: any, scratch: string }} context
 */
export async function packageStep({ root, bundle, scratch }) {
  /** @type {Record<string, string>} */
  const files = {};
  for (const file of GENERATED) {
    const text = await readFile(path.join(scratch, file), 'utf8').catch(() => undefined);
    if (text !== undefined) files[file] = text;
  }
  const outDir = path.join(scratch, 'dist', 'package');
  await buildPackage({ root, outDir, files, bundle });
}
