// @ts-check
// The code checks of `npm run lint` (Biome formats and lints; these are what it cannot see):
// - no import or require of a dependency's private files: a subpath under dist/, lib/ or chunks/,
//   or any subpath the package does not export (its package.json `exports`; a package without
//   `exports` has only its main entry, plus entry points its documentation names: DOCUMENTED);
//   a program the package declares in `bin` is public too (its CLI, run by path); also a path into
//   node_modules/<package>/ that reaches such a file;
// - no line over 120 characters in a hand-written file.
// Each problem is one line naming the file, the line and the fix.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Folders whose code may not reach into a dependency's private files. */
const CODE_DIRS = ['scripts', 'src', 'test', 'bench', 'mock'];
/** Hand-written folders whose lines are held to MAX_LINE (generated/, releases/, dist/ are tool output). */
const TEXT_DIRS = [...CODE_DIRS, 'spec', 'docs', '.github'];
const CODE_FILE = /\.(m|c)?[jt]s$/;
// Markdown is left out: its tables and links cannot wrap, and Biome does not format it.
const TEXT_FILE = /\.(m|c)?[jt]s$|\.(ya?ml|json|hbs)$/;
/** Never walked: installed or produced by tools. */
const SKIPPED = new Set(['node_modules', '.work', 'generated', 'dist', 'coverage']);
const MAX_LINE = 120;
/** Path segments that mark a package's build output or internals, exported or not. */
const PRIVATE_SEGMENT = /(^|\/)(dist|lib|chunks)(\/|$)/;

/**
 * Subpaths that packages without `exports` document as entry points, with where they say so.
 * @type {Record<string, string>}
 */
const DOCUMENTED = {
  // https://ajv.js.org/json-schema.html#draft-2020-12: "import Ajv2020 from 'ajv/dist/2020'".
  'ajv/dist/2020.js': 'https://ajv.js.org/json-schema.html#draft-2020-12',
  // Redoc's README, "Deployment": the standalone bundle is its published build for a plain HTML page.
  'redoc/bundles/redoc.standalone.js': 'https://github.com/Redocly/redoc#deployment',
};

/**
 * Whether subpath is one of the package's declared command-line programs (`bin`): running a
 * package's CLI by the path it declares is its public interface.
 * @param {any} json the package's package.json
 * @param {string} subpath
 */
function declaredBin(json, subpath) {
  const bins = typeof json.bin === 'string' ? [json.bin] : Object.values(json.bin ?? {});
  return bins.some((bin) => path.posix.normalize(String(bin)) === path.posix.normalize(subpath));
}

/**
 * Every file under dir (relative to root) whose name matches, skipping tool output.
 * @param {string} root
 * @param {string} dir relative to root
 * @param {RegExp} pattern
 * @returns {Promise<string[]>}
 */
async function filesUnder(root, dir, pattern) {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const found = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) found.push(...(await filesUnder(root, relative, pattern)));
    else if (entry.isFile() && pattern.test(entry.name)) found.push(relative);
  }
  return found;
}

/**
 * The dependency names a project declares (root and bench/ package.json).
 * @param {string} root
 */
async function dependencyNames(root) {
  const names = new Set();
  for (const file of ['package.json', 'bench/package.json']) {
    const json = JSON.parse(await readFile(path.join(root, file), 'utf8').catch(() => '{}'));
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'])
      for (const name of Object.keys(json[field] ?? {})) names.add(name);
  }
  return names;
}

/**
 * Splits `@scope/name/sub/path` or `name/sub/path` into the package name and subpath.
 * @param {string} specifier
 */
function splitSpecifier(specifier) {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, size).join('/'), subpath: parts.slice(size).join('/') };
}

/**
 * Whether `./subpath` is a key of a package's `exports` (exactly, or through one `*` pattern).
 * @param {unknown} exports
 * @param {string} subpath
 */
function exported(exports, subpath) {
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return false;
  const wanted = `./${subpath}`;
  return Object.keys(exports).some((key) => {
    if (!key.includes('*')) return key === wanted;
    const [before = '', after = ''] = key.split('*');
    return wanted.startsWith(before) && wanted.endsWith(after) && wanted.length >= before.length + after.length;
  });
}

/**
 * Why importing `name/subpath` reaches a private file, or undefined when it does not.
 * @param {(name: string) => any} manifest a package's package.json, or undefined
 * @param {string} name
 * @param {string} subpath
 */
function privateReason(manifest, name, subpath) {
  if (subpath === '') return undefined;
  if (DOCUMENTED[`${name}/${subpath}`]) return undefined;
  const json = manifest(name);
  if (json !== undefined && declaredBin(json, subpath)) return undefined;
  if (PRIVATE_SEGMENT.test(subpath)) return `${subpath} is inside the package's build output or internals`;
  if (json === undefined) return undefined;
  if (json.exports === undefined)
    return subpath === 'package.json' ? undefined : 'the package has no `exports`: only its main entry is public';
  return exported(json.exports, subpath) ? undefined : `./${subpath} is not in the package's exports`;
}

/**
 * The string literals of a source text with their line numbers (template literals without `${`).
 * @param {string} text
 */
function* stringLiterals(text) {
  const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.|\$(?!\{))*)`/g;
  for (const match of text.matchAll(literal)) {
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    const line = text.slice(0, match.index).split('\n').length;
    // Resolving a package's package.json finds its folder, to reach files inside it by path.
    const resolved = /resolve\(\s*$/.test(text.slice(Math.max(0, match.index - 40), match.index));
    yield { value, line, resolved };
  }
}

/**
 * Every import, require or path of the code under CODE_DIRS that reaches a dependency's private
 * file, one line each.
 * @param {{ root: string }} input
 * @returns {Promise<string[]>}
 */
export async function deepImportProblems({ root }) {
  const dependencies = await dependencyNames(root);
  const requireFrom = createRequire(path.join(root, 'package.json'));
  /** @type {Map<string, any>} */
  const manifests = new Map();
  const manifest = (/** @type {string} */ name) => {
    if (!manifests.has(name)) {
      // Read from disk, not require()d: a package need not export its package.json.
      const file = path.join(root, 'node_modules', name, 'package.json');
      let json;
      try {
        json = requireFrom(file);
      } catch {
        json = undefined;
      }
      manifests.set(name, json);
    }
    return manifests.get(name);
  };
  const problems = [];
  for (const dir of CODE_DIRS) {
    for (const file of await filesUnder(root, dir, CODE_FILE)) {
      const text = await readFile(path.join(root, file), 'utf8');
      for (const { value, line, resolved } of stringLiterals(text)) {
        const inModules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+\/.+)$/.exec(value)?.[1];
        const specifier = inModules ?? value;
        const { name, subpath } = splitSpecifier(specifier);
        if (!dependencies.has(name)) continue;
        const reason =
          resolved && subpath === 'package.json'
            ? "resolving its package.json locates the package's folder, to read its files by path"
            : privateReason(manifest, name, subpath);
        if (reason)
          problems.push(
            `${file}:${line}: '${value}' reaches a private file of ${name} (${reason}); ` +
              'use what the package exports or documents',
          );
      }
    }
  }
  return problems;
}

/**
 * Every line over MAX_LINE characters in the hand-written files, one problem each.
 * @param {{ root: string }} input
 * @returns {Promise<string[]>}
 */
export async function longLineProblems({ root }) {
  const problems = [];
  const files = (await readdir(root)).filter((name) => TEXT_FILE.test(name));
  for (const dir of TEXT_DIRS) files.push(...(await filesUnder(root, dir, TEXT_FILE)));
  for (const file of files) {
    if (file === 'package-lock.json' || file.endsWith(`${path.sep}package-lock.json`)) continue;
    const lines = (await readFile(path.join(root, file), 'utf8')).split('\n');
    for (const [index, line] of lines.entries())
      if ([...line].length > MAX_LINE)
        problems.push(`${file}:${index + 1}: ${[...line].length} characters, over ${MAX_LINE}; wrap it`);
  }
  return problems;
}

/**
 * Both code checks.
 * @param {{ root: string }} input
 */
export async function codeProblems({ root }) {
  return [...(await deepImportProblems({ root })), ...(await longLineProblems({ root }))];
}
