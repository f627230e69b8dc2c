// @ts-check
// The one OpenAPI model of the project. Everything that reads the spec (the pipeline steps, the
// operation table, the breaking-change gate, the tests' support code, the fake/mock and the bench)
// walks operations, follows $refs, matches paths and names components through this module, so
// there is one list of HTTP methods, one resolver and one path matcher to keep right.
// Loading and bundling (through @redocly/openapi-core's public API) live here too; the rest are
// pure functions of a bundled document (plain JSON).
// @redocly/openapi-core is imported by the functions that load: the fake, the bench and the tests'
// support code use the pure functions without paying for Redocly's modules.
import path from 'node:path';

/** Redocly's library, loaded on first use. */
const redocly = () => import('@redocly/openapi-core');

/** @typedef {Record<string, any>} Json a bundled OpenAPI document or any node of it */

/**
 * @typedef {object} Operation one operation of the bundle
 * @property {string} method lower-case HTTP method
 * @property {string} path the path template, as in `paths`
 * @property {string | undefined} operationId
 * @property {string} pointer JSON pointer of the operation object, `#/paths/~1connectors/get`
 * @property {Json} operation the operation object (unresolved)
 * @property {Json} pathItem the path item it belongs to
 * @property {Json[]} parameters path-item and operation parameters, resolved; the operation's win
 */

/** The HTTP methods a path item can hold (OpenAPI 3.1 §4.8.9), in the spec's order. */
export const HTTP_METHODS = /** @type {const} */ ([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);

/**
 * Escapes one JSON-pointer token (RFC 6901).
 * @param {string} token
 */
export function pointerToken(token) {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The key one escaped JSON-pointer token names (RFC 6901): pointerToken undone.
 * @param {string} token
 */
export function pointerKey(token) {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * The node a local `$ref` (`#/components/schemas/Agent`, any JSON pointer) points at; throws
 * naming the ref when nothing is there.
 * @param {Json} doc
 * @param {string} ref
 * @returns {Json}
 */
export function refTarget(doc, ref) {
  if (!ref.startsWith('#')) throw new Error(`$ref ${ref} is not local to the bundle`);
  /** @type {any} */
  let node = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = pointerKey(decodeURIComponent(raw));
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, token) ? node[token] : undefined;
    if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return node;
}

/**
 * Follows `$ref`s until a node that is not a reference (a parameter, response, header, body or
 * schema); undefined stays undefined. Throws on a cycle of references.
 * @template T
 * @param {Json} doc
 * @param {T} node
 * @returns {T}
 */
export function resolve(doc, node) {
  /** @type {any} */
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 50) throw new Error(`$ref cycle at ${current.$ref}`);
    current = refTarget(doc, current.$ref);
  }
  return current;
}

/**
 * A copy of a bundle fragment whose local `#/...` refs point into the document registered under
 * `base` (a validator's schema id), so the fragment can be compiled on its own.
 * @param {unknown} value
 * @param {string} base
 * @returns {unknown}
 */
export function absoluteRefs(value, base) {
  if (Array.isArray(value)) return value.map((item) => absoluteRefs(item, base));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        key === '$ref' && typeof child === 'string' && child.startsWith('#') ? base + child : absoluteRefs(child, base),
      ]),
    );
  }
  return value;
}

/**
 * The component name a ref points at: `#/components/schemas/AgentCreate` → `AgentCreate`;
 * undefined for any other ref.
 * @param {string | undefined} ref
 */
export function componentName(ref) {
  return /^#\/components\/[^/]+\/([^/]+)$/.exec(ref ?? '')?.[1];
}

/** @type {WeakMap<Json, Operation[]>} */
const walked = new WeakMap();

/**
 * Every operation of the bundle, in document order (path items in `paths` order, methods in
 * HTTP_METHODS order). Read once per document object.
 * @param {Json} doc
 * @returns {Operation[]}
 */
export function operations(doc) {
  let found = walked.get(doc);
  if (found) return found;
  found = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const pathItem = resolve(doc, rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      found.push({
        method,
        path,
        operationId: operation.operationId,
        pointer: `#/paths/${pointerToken(path)}/${method}`,
        operation,
        pathItem,
        parameters: mergeParameters(doc, pathItem.parameters, operation.parameters),
      });
    }
  }
  walked.set(doc, found);
  return found;
}

/**
 * Path-item parameters overridden by the operation's own with the same name and location
 * (OpenAPI 3.1 §4.8.10.1), all resolved.
 * @param {Json} doc
 * @param {Json[] | undefined} shared
 * @param {Json[] | undefined} own
 */
function mergeParameters(doc, shared = [], own = []) {
  const byKey = new Map();
  for (const parameter of [...shared, ...own].map((p) => resolve(doc, p))) {
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

/**
 * The operation with this operationId, or undefined.
 * @param {Json} doc
 * @param {string} operationId
 */
export function operationById(doc, operationId) {
  return operations(doc).find((candidate) => candidate.operationId === operationId);
}

/**
 * The source of a regular expression that matches a path template's concrete paths, one capture
 * group per parameter in template order: `/connectors/{id}` → `^/connectors/([^/]+)$`.
 * @param {string} template
 */
export function pathRegexSource(template) {
  const parts = template.split(/(\{[^}]+\})/);
  const body = parts
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return `^${body}$`;
}

/**
 * The names of a path template's parameters, in order: `/a/{x}/b/{y}` → `['x', 'y']`.
 * @param {string} template
 */
export function pathParameterNames(template) {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => /** @type {string} */ (match[1]));
}

/**
 * A matcher from a request's method and path (below the server URL, undecoded) to the operation
 * it names and its raw path parameter values. A template with fewer parameters wins over one
 * with more, so `/agents/trash` beats `/agents/{id}` whatever their order in the document.
 * @param {Json} doc
 * @returns {(method: string, pathname: string) => { operation: Operation, params: Record<string, string> } | undefined}
 */
export function pathMatcher(doc) {
  const routes = operations(doc)
    .map((operation) => ({
      operation,
      regex: new RegExp(pathRegexSource(operation.path)),
      names: pathParameterNames(operation.path),
    }))
    .sort((a, b) => a.names.length - b.names.length);
  return (method, pathname) => {
    const lower = method.toLowerCase();
    for (const route of routes) {
      if (route.operation.method !== lower) continue;
      const match = route.regex.exec(pathname);
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, index) => [name, match[index + 1] ?? '']));
      return { operation: route.operation, params };
    }
    return undefined;
  };
}

/** The top-level keys of an OpenAPI 3 bundle in the order `redocly bundle` writes them; others follow. */
const TOP_LEVEL_ORDER = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'externalDocs',
  'paths',
  'webhooks',
  'x-webhooks',
  'components',
];

/**
 * @typedef {object} Api the first API of root/redocly.yaml
 * @property {string} alias its name under `apis:`
 * @property {string} file its root file, absolute
 * @property {any} config Redocly's config for it (rules, plugins, `openapi:` options)
 */

/**
 * The first API root/redocly.yaml declares, with its config (plugins loaded); throws naming the
 * file when it declares none.
 * @param {string} root the project folder
 * @returns {Promise<Api>}
 */
export async function loadApi(root) {
  const configPath = path.join(root, 'redocly.yaml');
  const config = await (await redocly()).loadConfig({ configPath });
  const [entry] = Object.entries(config.resolvedConfig.apis ?? {});
  if (!entry) throw new Error(`${configPath}: declares no API under apis:`);
  const [alias, api] = entry;
  return { alias, file: path.resolve(root, api.root), config: config.forAlias(alias) };
}

/**
 * @typedef {object} Loaded the spec of a project, bundled
 * @property {Api} api where it comes from
 * @property {Json} bundle the bundled document, top-level keys in `redocly bundle`'s order
 * @property {string} yaml its YAML text, byte for byte what `redocly bundle` writes
 * @property {any[]} problems Redocly's bundling problems of severity error (empty when it bundled)
 */

/**
 * Loads root/redocly.yaml and bundles its API's split spec into one document, through
 * @redocly/openapi-core's public `bundle`. Problems are returned, not thrown: the caller decides
 * how to report them (the pipeline lints the spec to name file and line).
 * @param {string} root the project folder
 * @returns {Promise<Loaded>}
 */
export async function loadBundle(root) {
  const api = await loadApi(root);
  const { bundle: document, problems } = await (await redocly()).bundle({ ref: api.file, config: api.config });
  const errors = problems.filter((/** @type {any} */ problem) => problem.severity === 'error' && !problem.ignored);
  const parsed = /** @type {Json} */ (document.parsed ?? {});
  const ordered = Object.fromEntries([
    ...TOP_LEVEL_ORDER.filter((key) => key in parsed).map((key) => [key, parsed[key]]),
    ...Object.entries(parsed),
  ]);
  return { api, bundle: ordered, yaml: await bundleYaml(ordered), problems: errors };
}

/**
 * A bundle's YAML text, as `redocly bundle` writes it.
 * @param {Json} doc
 */
export async function bundleYaml(doc) {
  return (await redocly()).stringifyYaml(doc, { noRefs: true, lineWidth: -1 });
}
