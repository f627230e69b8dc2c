// The generic semantics of each operation kind, from the operation model: list (cursor pages,
// newest first unless a rule says otherwise, equality filters from query parameters named like a
// field), retrieve, create, update, delete, singleton, and "example" (the documented example of
// the success response). Domain rules (./rules) refine them resource by resource.
import { firstExample, propertiesOf } from './model.mjs';
import { hexOf, objectIdHex } from './ids.mjs';
import { lowerBound } from './store.mjs';
import { resolve } from '../../scripts/lib/openapi.mjs';

/**
 * @typedef {object} Context one checked request
 * @property {import('./model.mjs').MockOperation} op
 * @property {string} orgId
 * @property {string} requestId
 * @property {import('./request.mjs').CheckedRequest} request
 * @property {Engine} engine
 */

/** @typedef {{ status: number, body?: any, headers?: Record<string, string> }} Handled */

/**
 * @typedef {object} Rule a domain rule; every hook is optional
 * @property {string} name
 * @property {string[]} [resources] the resources it applies to
 * @property {string[]} [operations] operationIds it applies to (for `before`), whatever their resource
 * @property {'asc'} [order] list oldest first
 * @property {(ctx: Context) => Handled | undefined} [before] may answer instead of the generic handler
 * @property {(ctx: Context, body: any, existing: any) => Handled | undefined} [check] refuses a create/update
 * @property {(ctx: Context, body: any, item: { data: any, hidden: any }, existing: any) => void} [derive]
 *   fills derived fields
 * @property {(ctx: Context, item: import('./store.mjs').Item) => boolean} [remove] true when it took the delete over
 * @property {(ctx: Context, item: import('./store.mjs').Item) => any} [present] the data a response shows
 */

/**
 * An engine over one bundle's operations, a store and rules.
 * @param {{ bundle: any, operations: import('./model.mjs').MockOperation[], store: import('./store.mjs').Store,
 *   rules: Rule[], clock: { now(): number } }} options
 */
export function createEngine({ bundle, operations, store, rules, clock }) {
  const prefixes = idPrefixes(operations);
  const knownCodes = errorCodes(bundle);
  let counter = 0x100000;
  /** @param {string} resource */
  const rulesOf = (resource) => rules.filter((rule) => rule.resources?.includes(resource));

  const engine = {
    bundle,
    store,
    clock,
    operations,
    /** @param {string} resource the ID prefix of a resource (`connector`) */
    prefixOf: (resource) => prefixes.get(resource) ?? singular(resource),
    /** A new ID for resource, newer than every ID so far. @param {string} resource */
    newId(resource) {
      counter += 1;
      return `${engine.prefixOf(resource)}_${objectIdHex(clock.now(), counter)}`;
    },
    /** The current time as the spec's Timestamp. */
    timestamp: () => new Date(Math.floor(clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    /**
     * An error answer with the spec's envelope.
     * @param {Context | { requestId: string }} ctx
     * @param {number} status
     * @param {string} code
     * @param {string} message
     * @returns {Handled}
     */
    fail: (ctx, status, code, message) => ({ status, body: { error: { code, message, request_id: ctx.requestId } } }),
    /**
     * `code` when the spec names it, else `fallback` (a rule's own code before the spec has it).
     * @param {string} code
     * @param {string} fallback
     */
    code: (code, fallback) => (knownCodes.has(code) ? code : fallback),
    /**
     * The 404 of a resource: its own code (`agent_not_found`) when the spec has one.
     * @param {Context} ctx
     * @param {string} resource
     */
    notFound(ctx, resource) {
      const own = `${singular(resource)}_not_found`;
      const code = knownCodes.has(own) ? own : 'not_found';
      return engine.fail(ctx, 404, code, `${capitalised(singular(resource).replaceAll('_', ' '))} not found.`);
    },
    /**
     * The record a path ID names in the org, or undefined.
     * @param {string} orgId
     * @param {string} resource
     * @param {string} id
     */
    lookup(orgId, resource, id) {
      const hex = hexOf(id);
      const item = hex ? store.find(orgId, resource, hex) : undefined;
      // A prefixed ID must carry this resource's prefix; a bare ObjectId names it too.
      if (item && id.includes('_') && !id.toLowerCase().startsWith(`${engine.prefixOf(resource)}_`)) return undefined;
      return item;
    },
    /**
     * The data of an item as responses show it (rules' `present`).
     * @param {Context} ctx
     * @param {string} resource
     * @param {import('./store.mjs').Item} item
     */
    present(ctx, resource, item) {
      let data = item.data;
      for (const rule of rulesOf(resource)) if (rule.present) data = rule.present(ctx, item);
      return data;
    },
    /** @param {Context} ctx @returns {Handled} */
    handle(ctx) {
      const { op } = ctx;
      for (const rule of rules) {
        const applies =
          rule.operations?.includes(op.operationId) || (op.resource && rule.resources?.includes(op.resource));
        const answer = applies && rule.before ? rule.before(ctx) : undefined;
        if (answer) return answer;
      }
      switch (op.kind) {
        case 'list':
          return list(ctx);
        case 'retrieve':
          return retrieve(ctx);
        case 'create':
          return write(ctx, undefined);
        case 'update':
          return update(ctx);
        case 'delete':
          return remove(ctx);
        case 'singleton':
          return singleton(ctx);
        default:
          return example(ctx);
      }
    },
    /**
     * The success answer with data and this request's meta.
     * @param {Context} ctx
     * @param {any} data
     * @param {string | null} [nextCursor]
     */
    success(ctx, data, nextCursor) {
      const meta = /** @type {Record<string, unknown>} */ ({ request_id: ctx.requestId });
      if (nextCursor !== undefined) meta.next_cursor = nextCursor;
      return { status: ctx.op.successStatus, body: { data, meta } };
    },
  };

  /** @param {Context} ctx @returns {Handled} */
  function list(ctx) {
    const { op, orgId, request } = ctx;
    const resource = /** @type {string} */ (op.resource);
    /** @type {((item: import('./store.mjs').Item) => boolean)[]} */
    const filters = [];
    if (op.parent) {
      const parentId = Object.values(request.path)[0] ?? '';
      const parent = engine.lookup(orgId, op.parent, parentId);
      if (!parent) return engine.notFound(ctx, op.parent);
      const field = `${singular(op.parent)}_id`;
      filters.push((item) => item.data[field] === parent.data.id);
    }
    const itemSchema = op.dataSchema?.items;
    const fields = propertiesOf(bundle, itemSchema);
    for (const [name, wanted] of Object.entries(request.query)) {
      if (name === 'limit' || name === 'cursor' || !Object.hasOwn(fields, name)) continue;
      if (op.parameters.find((p) => p.name === name)?.schema?.default === wanted) continue;
      filters.push((item) => sameValue(item.data[name], wanted));
    }
    const limit = Number(request.query.limit ?? 25);
    const rawCursor = request.query.cursor;
    const cursorHex = rawCursor === undefined ? undefined : hexOf(String(rawCursor));
    if (rawCursor !== undefined && !cursorHex)
      return engine.fail(ctx, 422, 'validation_failed', 'cursor is malformed: send back a meta.next_cursor unchanged.');
    const ascending = rulesOf(resource).some((rule) => rule.order === 'asc');
    const items = store.items(orgId, resource);
    const picked = [];
    let more = false;
    if (ascending) {
      let index = cursorHex === undefined ? 0 : lowerBound(items, cursorHex);
      if (cursorHex !== undefined && items[index]?.hex === cursorHex) index += 1;
      for (; index < items.length; index += 1) {
        const item = /** @type {import('./store.mjs').Item} */ (items[index]);
        if (!filters.every((keep) => keep(item))) continue;
        if (picked.length === limit) {
          more = true;
          break;
        }
        picked.push(item);
      }
    } else {
      for (
        let index = (cursorHex === undefined ? items.length : lowerBound(items, cursorHex)) - 1;
        index >= 0;
        index -= 1
      ) {
        const item = /** @type {import('./store.mjs').Item} */ (items[index]);
        if (!filters.every((keep) => keep(item))) continue;
        if (picked.length === limit) {
          more = true;
          break;
        }
        picked.push(item);
      }
    }
    const data = picked.map((item) => project(bundle, engine.present(ctx, resource, item), itemSchema));
    const last = picked.at(-1);
    // The cursor is the last item seen, as the docs describe it; clients must treat it as opaque.
    return engine.success(ctx, data, more && last ? last.data.id : null);
  }

  /** @param {Context} ctx @returns {Handled} */
  function retrieve(ctx) {
    const resource = /** @type {string} */ (ctx.op.resource);
    const item = engine.lookup(ctx.orgId, resource, Object.values(ctx.request.path)[0] ?? '');
    if (!item) return engine.notFound(ctx, resource);
    return engine.success(ctx, project(bundle, engine.present(ctx, resource, item), ctx.op.dataSchema));
  }

  /** @param {Context} ctx @returns {Handled} */
  function update(ctx) {
    const resource = /** @type {string} */ (ctx.op.resource);
    const item = engine.lookup(ctx.orgId, resource, Object.values(ctx.request.path)[0] ?? '');
    if (!item) return engine.notFound(ctx, resource);
    return write(ctx, item);
  }

  /**
   * Create (existing undefined) or update: the body's fields over the example (create) or the
   * record (update), then the rules' checks and derived fields.
   * @param {Context} ctx
   * @param {import('./store.mjs').Item | undefined} existing
   * @returns {Handled}
   */
  function write(ctx, existing) {
    const { op, orgId } = ctx;
    const resource = /** @type {string} */ (op.resource);
    const body = /** @type {Record<string, any>} */ (ctx.request.body ?? {});
    for (const rule of rulesOf(resource)) {
      const refused = rule.check?.(ctx, body, existing);
      if (refused) return refused;
    }
    const fields = propertiesOf(bundle, op.dataSchema);
    const bodyFields = propertiesOf(bundle, op.bodySchema);
    const data = existing ? structuredClone(existing.data) : { ...(firstExample(op.successContent)?.data ?? {}) };
    const hidden = existing ? { ...existing.hidden } : {};
    for (const name of Object.keys(fields)) {
      if (Object.hasOwn(body, name)) data[name] = structuredClone(body[name]);
      else if (!existing && bodyFields[name]?.default !== undefined) data[name] = bodyFields[name].default;
      else if (!existing && Object.hasOwn(bodyFields, name) && allowsNull(fields[name])) data[name] = null;
    }
    const now = engine.timestamp();
    if (!existing) {
      data.id = engine.newId(resource);
      if ('created_at' in fields) data.created_at = now;
    }
    if ('updated_at' in fields) data.updated_at = now;
    const draft = { data, hidden };
    for (const rule of rulesOf(resource)) rule.derive?.(ctx, body, draft, existing);
    let item;
    if (existing) {
      existing.data = draft.data;
      existing.hidden = draft.hidden;
      item = existing;
    } else item = store.insert(orgId, resource, draft.data, draft.hidden);
    return engine.success(ctx, project(bundle, engine.present(ctx, resource, item), op.dataSchema));
  }

  /** @param {Context} ctx @returns {Handled} */
  function remove(ctx) {
    const resource = /** @type {string} */ (ctx.op.resource);
    const item = engine.lookup(ctx.orgId, resource, Object.values(ctx.request.path)[0] ?? '');
    if (!item) return engine.notFound(ctx, resource);
    const taken = rulesOf(resource).some((rule) => rule.remove?.(ctx, item));
    if (!taken) store.remove(ctx.orgId, resource, item.hex);
    if (!ctx.op.successContent) return { status: ctx.op.successStatus };
    const shown = firstExample(ctx.op.successContent)?.data ?? {};
    return engine.success(ctx, { ...shown, id: item.data.id });
  }

  /** @param {Context} ctx @returns {Handled} */
  function singleton(ctx) {
    const data = store.singleton(ctx.orgId, /** @type {string} */ (ctx.op.resource));
    return data === undefined ? example(ctx) : engine.success(ctx, data);
  }

  /**
   * The documented example; a path parameter named `<resource>_id` of a known collection must name
   * one of the org's records (else that resource's 404), and the example's field of that name is
   * set to it, so `GET /analytics/agents/{agent_id}` answers for the agent asked about.
   * @param {Context} ctx
   * @returns {Handled}
   */
  function example(ctx) {
    /** @type {Record<string, string>} */
    const named = {};
    for (const [name, value] of Object.entries(ctx.request.path)) {
      const resource = `${/^(\w+)_id$/.exec(name)?.[1]}s`;
      if (!operations.some((op) => op.resource === resource && op.kind !== 'singleton')) continue;
      const item = engine.lookup(ctx.orgId, resource, value);
      if (!item) return engine.notFound(ctx, resource);
      named[name] = item.data.id;
    }
    const body = firstExample(ctx.op.successContent);
    const data = body?.data;
    if (data && typeof data === 'object' && !Array.isArray(data))
      for (const [name, id] of Object.entries(named)) if (name in data) data[name] = id;
    if (body && typeof body === 'object' && body.meta && typeof body.meta === 'object')
      body.meta.request_id = ctx.requestId;
    return { status: ctx.op.successStatus, body };
  }

  return engine;
}

/** @typedef {ReturnType<typeof createEngine>} Engine */

/** Each schema node's $ref target, followed once (project runs for every item of every response). */
const resolvedCache = new WeakMap();

/**
 * What of a value a schema declares, at every depth: an object keeps the properties its schema
 * (with its `allOf`) lists, an array maps its items; a schema that lists none keeps the value. So
 * a field the response schema does not have (a write-only credential) never leaves the mock.
 * @param {any} bundle
 * @param {any} value
 * @param {any} schema
 * @returns {any}
 */
export function project(bundle, value, schema) {
  let node = schema && typeof schema === 'object' ? resolvedCache.get(schema) : undefined;
  if (!node) {
    node = resolve(bundle, schema);
    if (schema && typeof schema === 'object') resolvedCache.set(schema, node);
  }
  if (!node || typeof node !== 'object') return value;
  if (Array.isArray(value)) return node.items ? value.map((item) => project(bundle, item, node.items)) : value;
  if (!value || typeof value !== 'object') return value;
  const fields = propertiesOf(bundle, node);
  const names = Object.keys(fields);
  if (names.length === 0) return value;
  /** @type {Record<string, any>} */
  const shown = {};
  for (const name of names) if (Object.hasOwn(value, name)) shown[name] = project(bundle, value[name], fields[name]);
  return shown;
}

/** @param {unknown} stored @param {unknown} wanted */
function sameValue(stored, wanted) {
  if (Array.isArray(wanted)) return wanted.some((one) => sameValue(stored, one));
  return stored === wanted || String(stored) === String(wanted);
}

/** @param {any} schema whether null is a valid value of schema (a nullable type or a null branch) */
function allowsNull(schema) {
  if ([schema?.type ?? []].flat().includes('null')) return true;
  return [...(schema?.oneOf ?? []), ...(schema?.anyOf ?? [])].some((branch) => branch?.type === 'null');
}

/** The singular of a collection name: `connectors` → `connector`. @param {string} resource */
export function singular(resource) {
  return resource.endsWith('s') ? resource.slice(0, -1) : resource;
}

/** @param {string} text */
function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Each resource's ID prefix as its operations' examples show it (`agent_6a28…` → `agent`).
 * @param {import('./model.mjs').MockOperation[]} operations
 */
function idPrefixes(operations) {
  /** @type {Map<string, string>} */
  const found = new Map();
  for (const op of operations) {
    if (!op.resource || op.kind === 'singleton' || found.has(op.resource)) continue;
    const data = firstExample(op.successContent)?.data;
    const id = (Array.isArray(data) ? data[0] : data)?.id;
    const prefix = typeof id === 'string' ? /^([a-z][a-z0-9_]*)_[0-9a-f]{24}$/.exec(id)?.[1] : undefined;
    if (prefix) found.set(op.resource, prefix);
  }
  return found;
}

/**
 * Every error code the bundle names: the enums of its `ErrorCode`-like schemas and the codes of its error examples.
 * @param {any} bundle
 */
function errorCodes(bundle) {
  const codes = new Set();
  const walk = (/** @type {any} */ node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof node.code === 'string' && typeof node.message === 'string') codes.add(node.code);
      for (const value of Object.values(node)) walk(value);
    }
  };
  walk(bundle.components?.responses);
  walk(bundle.paths);
  const enumOf = (/** @type {any} */ schema) => [schema?.enum ?? [], ...(schema?.anyOf ?? []).map(enumOf)].flat();
  for (const code of enumOf(bundle.components?.schemas?.ErrorCode)) codes.add(code);
  return codes;
}
