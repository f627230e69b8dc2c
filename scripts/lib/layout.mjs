// @ts-check
// Checks the split layout that Redocly cannot see: every file under spec/ is reached by a $ref
// from the root, component files are PascalCase and named after their component, and each path
// file is named after its URL.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseYaml as parse } from '@redocly/openapi-core';
import { StepError } from './steps.mjs';

const COMPONENT_KINDS = [
  'schemas',
  'parameters',
  'responses',
  'headers',
  'securitySchemes',
  'examples',
  'requestBodies',
];

/**
 * Lists every file below dir, as paths relative to it.
 * @param {string} dir
 */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * Collects the file $refs of a parsed YAML value (the part before any #).
 * @param {unknown} value
 * @param {Set<string>} [found]
 * @returns {Set<string>}
 */
function fileRefs(value, found = new Set()) {
  if (Array.isArray(value)) for (const item of value) fileRefs(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) found.add(child.replace(/#.*$/, ''));
      else fileRefs(child, found);
    }
  }
  return found;
}

/**
 * The file a path item must live in: the URL without its leading slash, `/` turned into `_`.
 * @param {string} url
 */
export function pathFileName(url) {
  // The root path has no segment to name its file after: `_.yaml`.
  return `${url.replace(/^\//, '').replaceAll('/', '_') || '_'}.yaml`;
}

/**
 * Returns the layout problems of the spec rooted at specDir/openapi.yaml, one line each, naming
 * the file relative to root. Unparsable YAML is left to Redocly, which reports it with its line.
 * @param {string} specDir
 * @param {string} root the project folder, which messages name files relative to
 * @returns {Promise<string[]>}
 */
async function layoutProblems(specDir, root) {
  const problems = [];
  const rootFile = path.join(specDir, 'openapi.yaml');
  const reached = new Set([rootFile]);
  const queue = [rootFile];
  /** @type {Record<string, unknown>} */
  let rootDoc = {};

  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.pop());
    if (!file.endsWith('.yaml')) continue;
    let doc;
    try {
      doc = /** @type {any} */ (parse(await readFile(file, 'utf8')));
    } catch {
      continue;
    }
    if (file === rootFile) rootDoc = doc ?? {};
    for (const ref of fileRefs(doc)) {
      const target = path.resolve(path.dirname(file), ref);
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }

  const files = await listFiles(specDir);
  for (const relative of files) {
    const shown = path.join(path.relative(root, specDir), relative);
    const parts = relative.split(path.sep);
    // Redocly's plugin and the Arazzo workflows are not part of the OpenAPI document: no $ref reaches them.
    if (parts[0] === 'plugins' || parts[0] === 'workflows' || relative === 'README.md') continue;
    if (!reached.has(path.join(specDir, relative))) {
      problems.push(`${shown}: unused, no $ref reaches it from openapi.yaml (delete it or reference it)`);
    }
    if (parts[0] === 'components') {
      const [, kind = '', name = ''] = parts;
      if (!COMPONENT_KINDS.includes(kind) || parts.length !== 3) {
        problems.push(
          `${shown}: components live in spec/components/<kind>/<Name>.yaml, ` +
            `one flat folder per kind (${COMPONENT_KINDS.join(', ')})`,
        );
      } else if (!/^[A-Z][A-Za-z0-9]*\.yaml$/.test(name)) {
        problems.push(
          `${shown}: a component file is named <PascalCaseName>.yaml; ` +
            'the file name becomes the component and TypeScript type name',
        );
      }
    }
  }

  const paths = /** @type {Record<string, {$ref?: string}>} */ (rootDoc.paths ?? {});
  for (const [url, item] of Object.entries(paths)) {
    const expected = `./paths/${pathFileName(url)}`;
    if (item?.$ref !== expected) {
      problems.push(`${path.relative(root, rootFile)}: paths['${url}'] must be the single line $ref: ${expected}`);
    }
  }
  return problems;
}

/**
 * Finds chains of files that are each only a `$ref` to the next and that loop back, which Redocly
 * reports as "circular pointer" without a file name. Returns one line per loop, naming its file.
 * @param {string} specDir
 * @param {string} root the project folder, which messages name files relative to
 * @returns {Promise<string[]>}
 */
export async function refCycles(specDir, root) {
  /** @type {Map<string, string>} */
  const aliases = new Map();
  for (const relative of await listFiles(specDir)) {
    if (!relative.endsWith('.yaml')) continue;
    const file = path.join(specDir, relative);
    const text = await readFile(file, 'utf8');
    // Only a file that is nothing but a $ref can close a cycle Redocly cannot report: skip the
    // parse of every other file (this check runs before each bundle).
    if (!/^\s*['"]?\$ref['"]?\s*:[^\n]*\s*$/.test(text)) continue;
    let doc;
    try {
      doc = /** @type {any} */ (parse(text));
    } catch {
      continue;
    }
    if (
      doc &&
      typeof doc === 'object' &&
      Object.keys(doc).length === 1 &&
      typeof doc.$ref === 'string' &&
      !doc.$ref.startsWith('#')
    ) {
      aliases.set(file, path.resolve(path.dirname(file), doc.$ref.replace(/#.*$/, '')));
    }
  }
  const problems = [];
  for (const start of aliases.keys()) {
    const chain = [start];
    for (let next = aliases.get(start); next !== undefined; next = aliases.get(next)) {
      if (next === start) {
        const shown = chain.map((file) => path.relative(root, file));
        problems.push(`${shown[0]}:1: circular $ref: ${[...shown, shown[0]].join(' → ')} never reaches a definition`);
        break;
      }
      if (chain.includes(next)) break;
      chain.push(next);
    }
  }

  return problems;
}

/**
 * The lint check: throws a StepError listing every layout problem of root/spec, if there are any.
 * @param {{ root: string, bundle?: Record<string, any> }} input
 */
export async function checkLayout({ root }) {
  const problems = await layoutProblems(path.join(root, 'spec'), root);
  if (problems.length > 0) throw new StepError(problems.join('\n'));
}
