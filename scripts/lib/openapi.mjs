// @ts-check
// The one OpenAPI model of the project. Everything that reads the spec (the pipeline steps, the
// operation table, the breaking-change gate, the tests' support code, the fake/mock and the bench)
// walks operations, follows $refs, matches paths and names components through this module, so
// there is one list of HTTP methods, one resolver and one path matcher to keep right.
// Pure functions of a bundled document (plain JSON); loading and bundling live beside them.

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
    const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
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
