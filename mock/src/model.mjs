// What the mock knows of each operation, read from the bundle through the project's one OpenAPI
// model (scripts/lib/openapi.mjs): its kind (list, retrieve, create, update, delete, singleton, or
// "example" when its shape is none of these), the resource it works on, its scope, its success
// status, the schemas of its parameters, body and responses, and its documented examples.
import { operations, resolve } from '../../scripts/lib/openapi.mjs';

/** The verb of an operationId (as the client's operation table reads it) and the kind it means. */
const VERBS = /** @type {const} */ ({
  list: 'list',
  get: 'retrieve',
  retrieve: 'retrieve',
  create: 'create',
  update: 'update',
  delete: 'delete',
});

/**
 * @typedef {object} MockOperation
 * @property {string} operationId
 * @property {string} method upper-case
 * @property {string} path
 * @property {'list'|'retrieve'|'create'|'update'|'delete'|'singleton'|'example'} kind
 * @property {string | undefined} resource the collection it works on (`connectors`), or the singleton's name
 * @property {string | undefined} parent the parent collection of a nested list (`conversations`)
 * @property {string | undefined} scope its `x-required-scope`
 * @property {boolean} needsAuth false when its security is `[]`
 * @property {number} successStatus
 * @property {any} successContent the success response's JSON media type object, resolved
 * @property {any} dataSchema the success body's `data` schema, resolved
 * @property {any[]} parameters resolved parameter objects
 * @property {any} bodySchema the JSON request body's schema, resolved
 * @property {boolean} bodyRequired
 * @property {Record<string, any>} responseSchemas JSON body schema by status
 * @property {import('../../scripts/lib/openapi.mjs').Operation} source
 */

/**
 * Every operation of the bundle as the mock handles it.
 * @param {Record<string, any>} bundle
 * @returns {MockOperation[]}
 */
export function mockOperations(bundle) {
  return operations(bundle).map((source) => describeOperation(bundle, source));
}

/**
 * @param {Record<string, any>} bundle
 * @param {import('../../scripts/lib/openapi.mjs').Operation} source
 * @returns {MockOperation}
 */
function describeOperation(bundle, source) {
  const { operation } = source;
  /** @type {Record<string, any>} */
  const responseSchemas = {};
  let successStatus = 0;
  let successContent;
  for (const [status, raw] of Object.entries(operation.responses ?? {})) {
    const content = resolve(bundle, raw)?.content?.['application/json'];
    if (content?.schema) responseSchemas[status] = content.schema;
    if (/^2\d\d$/.test(status) && !successStatus) {
      successStatus = Number(status);
      successContent = content;
    }
  }
  const dataSchema = resolve(bundle, propertiesOf(bundle, successContent?.schema).data);
  const body = resolve(bundle, operation.requestBody);
  const security = operation.security ?? bundle.security ?? [];
  const shape = shapeOf(source.method, source.path, operation.operationId, dataSchema);
  return {
    operationId: operation.operationId,
    method: source.method.toUpperCase(),
    path: source.path,
    ...shape,
    scope: operation['x-required-scope'],
    needsAuth: security.length > 0,
    successStatus: successStatus || 200,
    successContent,
    dataSchema,
    parameters: source.parameters,
    bodySchema: body?.content?.['application/json']?.schema,
    bodyRequired: Boolean(body?.required),
    responseSchemas,
    source,
  };
}

/**
 * The kind and resource of an operation from its method, path and operationId verb: `/a` list or
 * create, `/a/{id}` retrieve, update or delete, `/a/{id}/b` a list nested in `a`, `GET /a` of an
 * object a singleton; anything else (or a verb that disagrees) is answered from its examples.
 * @param {string} method
 * @param {string} path
 * @param {string | undefined} operationId
 * @param {any} dataSchema
 */
function shapeOf(method, path, operationId, dataSchema) {
  const verb = /** @type {keyof typeof VERBS | undefined} */ (/^[a-z]+/.exec(operationId ?? '')?.[0]);
  const kind = verb && Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  const segments = path.split('/').filter(Boolean);
  const isParam = (/** @type {string | undefined} */ part) => part !== undefined && /^\{.+\}$/.test(part);
  const isArray = dataSchema?.type === 'array';
  const example = { kind: /** @type {const} */ ('example'), resource: undefined, parent: undefined };
  const [first, second, third] = segments;
  if (segments.length === 1 && !isParam(first)) {
    if (method === 'get' && kind === 'list' && isArray) return { kind, resource: first, parent: undefined };
    if (method === 'post' && kind === 'create') return { kind, resource: first, parent: undefined };
    if (method === 'get' && kind === 'retrieve' && !isArray)
      return { kind: /** @type {const} */ ('singleton'), resource: first, parent: undefined };
    return example;
  }
  if (segments.length === 2 && !isParam(first) && isParam(second)) {
    const expected = { get: 'retrieve', patch: 'update', delete: 'delete' }[method];
    if (kind && kind === expected) return { kind, resource: first, parent: undefined };
    return example;
  }
  if (segments.length === 3 && !isParam(first) && isParam(second) && !isParam(third)) {
    if (method === 'get' && isArray) return { kind: /** @type {const} */ ('list'), resource: third, parent: first };
  }
  return example;
}

/** @type {WeakMap<object, Record<string, any>>} */
const propertiesCache = new WeakMap();

/**
 * The properties a schema declares, its `allOf` members' included, each resolved.
 * @param {Record<string, any>} bundle
 * @param {any} schema
 * @returns {Record<string, any>}
 */
export function propertiesOf(bundle, schema) {
  const node = resolve(bundle, schema);
  if (!node || typeof node !== 'object') return {};
  // Asked for every item of every response: read each schema once.
  const cached = propertiesCache.get(node);
  if (cached) return cached;
  /** @type {Record<string, any>} */
  const found = {};
  propertiesCache.set(node, found);
  for (const member of node.allOf ?? []) Object.assign(found, propertiesOf(bundle, member));
  for (const [name, child] of Object.entries(node.properties ?? {})) found[name] = resolve(bundle, child);
  return found;
}

/**
 * The first documented example of a media type object (`examples` first, then `example`), or undefined.
 * @param {any} content
 */
export function firstExample(content) {
  const named = Object.values(content?.examples ?? {})[0];
  if (named && 'value' in named) return structuredClone(named.value);
  return content?.example === undefined ? undefined : structuredClone(content.example);
}
