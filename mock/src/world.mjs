// The mock's world as plain JSON: `{ orgs: { <org id>: { <resource>: [records], org?: {...} } } }`,
// each record in the shape the resource's retrieve (or list) operation returns. `seedWorld` makes
// one from a seed, the same for the same seed; `checkWorld` validates one (a `--data` file)
// against the spec's schemas; `loadWorld` fills a store from one.
import { CONNECTOR_TYPES, SEEDED_STATUSES, TOOLS_BY_TYPE } from './catalogue.mjs';
import { singular } from './engine.mjs';
import { objectIdHex } from './ids.mjs';
import { firstExample } from './model.mjs';
import { mulberry32 } from './random.mjs';

/** The connector of the README's example: every seeded world has it, connected, in the first org. */
export const README_CONNECTOR_ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';

/** Words seeded agents' handles are made of. */
const AGENT_ROLES = ['triage', 'billing', 'refunds', 'onboarding', 'escalation', 'faq', 'shipping', 'returns'];

/** When the seeded world begins: every seeded record is older than anything created at run time. */
const EPOCH_MS = Date.parse('2026-01-05T09:00:00Z');

/**
 * @typedef {{ orgs: Record<string, Record<string, any>> }} World
 */

/**
 * The seeded world: org A with records of every resource, enough that every list has more than one
 * page at limit=10; org B with one of each, for org isolation.
 * @param {import('./model.mjs').MockOperation[]} operations
 * @param {{ seed?: number, connectors?: number, perResource?: number }} [options]
 * @returns {World}
 */
export function seedWorld(operations, options = {}) {
  const random = mulberry32(options.seed ?? 1);
  const pick = (/** @type {readonly any[]} */ list) => list[Math.floor(random() * list.length)];
  let counter = 0;
  /** A time and an ID of a resource, increasing with each call. @param {string} prefix */
  const next = (prefix) => {
    counter += 1;
    const ms = EPOCH_MS + counter * 37_000;
    return { id: `${prefix}_${objectIdHex(ms, counter)}`, at: new Date(ms).toISOString().replace('.000Z', 'Z') };
  };
  const prefixOf = (/** @type {string} */ resource) => idPrefix(operations, resource);
  /** @param {number} index @param {number} total */
  const connector = (index, total) => {
    const type = index === 0 ? 'zendesk' : pick(CONNECTOR_TYPES);
    const status = index === 0 ? 'connected' : pick(SEEDED_STATUSES);
    const { id, at } = index === 0 ? { id: README_CONNECTOR_ID, at: '2023-09-01T12:00:15Z' } : next('connector');
    return {
      id,
      type,
      name:
        index === 0
          ? 'Production Zendesk'
          : `${capital(type)} ${['EU', 'US', 'Support', 'Sales', 'Ops'][index % 5]} ${total - index}`,
      status,
      status_reason: status === 'connected' ? null : 'The third-party account rejected the credentials.',
      is_active: status === 'connected' || random() < 0.5,
      created_at: at,
      updated_at: at,
      // Shared between connectors of a type: records are replaced, never changed in place.
      tools: TOOLS_BY_TYPE[type] ?? [],
    };
  };
  /**
   * Records of a resource without a generator: its documented example, with new IDs and times.
   * @param {string} resource
   * @param {number} count
   * @param {Record<string, any>} [extra]
   */
  const fromExample = (resource, count, extra = {}) => {
    const template = exampleRecord(operations, resource);
    if (!template) return [];
    return Array.from({ length: count }, (_, index) => {
      const { id, at } = next(prefixOf(resource));
      const record = { ...structuredClone(template), ...extra, id };
      if ('created_at' in record) record.created_at = at;
      if ('updated_at' in record) record.updated_at = at;
      // Identifier-like names (`custom_list_templates`) stay identifiers: `_2`, not ` 2`.
      if (typeof record.name === 'string' && index > 0)
        record.name = `${record.name}${/^[\w-]+$/.test(record.name) ? '_' : ' '}${index + 1}`.slice(0, 128);
      if (typeof record.handle === 'string' && index > 0) record.handle = `${record.handle}${index + 1}`;
      return record;
    });
  };

  const per = options.perResource ?? 23;
  /** @param {number} connectors @param {number} count */
  const org = (connectors, count) => {
    /** @type {Record<string, any>} */
    const records = {};
    records.connectors = Array.from({ length: connectors }, (_, index) => connector(index, connectors));
    records.agents = fromExample('agents', count).map((agent, index) => ({
      ...agent,
      // Seeded handles never take the examples' own (`readOnlyZendesk`), which a user creates.
      handle: `${pick(AGENT_ROLES)}Agent${index + 1}`,
      name: `${capital(pick(AGENT_ROLES))} agent ${index + 1}`,
      is_active: random() < 0.8,
    }));
    for (const resource of collections(operations)) {
      if (resource.name === 'connectors' || resource.name === 'agents') continue;
      if (resource.parent) {
        const parents = records[resource.parent] ?? [];
        const field = `${singular(resource.parent)}_id`;
        records[resource.name] = parents
          .slice(0, 3)
          .flatMap((/** @type {any} */ parent) => fromExample(resource.name, count, { [field]: parent.id }));
      } else records[resource.name] = fromExample(resource.name, count);
      linkReferences(records, resource.name, resource.parent);
    }
    for (const name of singletons(operations)) {
      const data = firstExample(
        operations.find((op) => op.kind === 'singleton' && op.resource === name)?.successContent,
      )?.data;
      if (data) records[name] = data;
    }
    return records;
  };
  const first = org(options.connectors ?? 37, per);
  const second = org(1, 1);
  // Org B's first connector is its own, not the README's.
  second.connectors = [connector(1, 1)];
  return { orgs: { org_a: first, org_b: second } };
}

/**
 * Points the `<resource>_id` fields of a seeded collection (`agent_id` of a conversation) at
 * records the org has, in turn, instead of at the example's IDs, which name nothing.
 * @param {Record<string, any>} records the org's seeded collections so far
 * @param {string} name the collection to link
 * @param {string | undefined} parent its parent (its field is set already)
 */
function linkReferences(records, name, parent) {
  for (const [index, record] of (records[name] ?? []).entries()) {
    for (const field of Object.keys(record)) {
      const target = /^(\w+)_id$/.exec(field)?.[1];
      if (!target || (parent && target === singular(parent)) || record[field] === null) continue;
      const pool = records[`${target}s`];
      if (Array.isArray(pool) && pool.length > 0) record[field] = pool[index % pool.length].id;
    }
  }
}

/**
 * The collections the operations work on, parents first.
 * @param {import('./model.mjs').MockOperation[]} operations
 * @returns {{ name: string, parent: string | undefined }[]}
 */
export function collections(operations) {
  /** @type {Map<string, string | undefined>} */
  const found = new Map();
  for (const op of operations)
    if (op.resource && op.kind !== 'singleton' && !found.has(op.resource)) found.set(op.resource, op.parent);
  return [...found]
    .map(([name, parent]) => ({ name, parent }))
    .sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
}

/** @param {import('./model.mjs').MockOperation[]} operations */
function singletons(operations) {
  return [
    ...new Set(operations.filter((op) => op.kind === 'singleton').map((op) => /** @type {string} */ (op.resource))),
  ];
}

/**
 * A record of a resource as documented: the retrieve example's data, else the list's first item, else the create's.
 * @param {import('./model.mjs').MockOperation[]} operations
 * @param {string} resource
 */
function exampleRecord(operations, resource) {
  for (const kind of ['retrieve', 'list', 'create']) {
    const op = operations.find((candidate) => candidate.resource === resource && candidate.kind === kind);
    const data = firstExample(op?.successContent)?.data;
    const record = Array.isArray(data) ? data[0] : data;
    if (record && typeof record === 'object') return record;
  }
  return undefined;
}

/**
 * @param {import('./model.mjs').MockOperation[]} operations
 * @param {string} resource
 */
function idPrefix(operations, resource) {
  const id = exampleRecord(operations, resource)?.id;
  return (typeof id === 'string' && /^([a-z][a-z0-9_]*)_[0-9a-f]{24}$/.exec(id)?.[1]) || singular(resource);
}

/**
 * The schema a resource's records must match: its retrieve's data, else its list's items.
 * @param {import('./model.mjs').MockOperation[]} operations
 * @param {string} resource
 */
export function recordSchema(operations, resource) {
  const retrieve = operations.find((op) => op.resource === resource && op.kind === 'retrieve');
  if (retrieve?.dataSchema) return retrieve.dataSchema;
  const list = operations.find((op) => op.resource === resource && op.kind === 'list');
  return list?.dataSchema?.items;
}

/**
 * The problems of a world (a `--data` file) against the spec: one line each, `<JSON pointer> <problem>`.
 * @param {import('./model.mjs').MockOperation[]} operations
 * @param {ReturnType<import('./schemas.mjs').createSchemas>} schemas
 * @param {unknown} world
 * @returns {string[]}
 */
export function checkWorld(operations, schemas, world) {
  const orgs = /** @type {any} */ (world)?.orgs;
  if (!orgs || typeof orgs !== 'object' || Array.isArray(orgs)) return ['/orgs must be an object of orgs by ID'];
  const known = new Set([...collections(operations).map((c) => c.name), ...singletons(operations)]);
  const problems = [];
  for (const [orgId, records] of Object.entries(orgs)) {
    for (const [resource, value] of Object.entries(records ?? {})) {
      const at = `/orgs/${orgId}/${resource}`;
      if (!known.has(resource)) {
        problems.push(`${at} is not a resource of the spec (known: ${[...known].join(', ')})`);
        continue;
      }
      if (singletons(operations).includes(resource)) {
        const op = operations.find((candidate) => candidate.kind === 'singleton' && candidate.resource === resource);
        const problem = op?.dataSchema ? schemas.compile(op.dataSchema, '')(value) : undefined;
        if (problem) problems.push(`${at}${pointerOf(problem)}`);
        continue;
      }
      if (!Array.isArray(value)) {
        problems.push(`${at} must be an array`);
        continue;
      }
      const schema = recordSchema(operations, resource);
      const seen = new Set();
      for (const [index, record] of value.entries()) {
        const problem = schema ? schemas.compile(schema, '')(record) : undefined;
        if (problem) problems.push(`${at}/${index}${pointerOf(problem)}`);
        else if (!/[0-9a-fA-F]{24}$/.test(String(record?.id)))
          problems.push(`${at}/${index}/id must end in 24 hex digits`);
        else if (seen.has(String(record.id).slice(-24).toLowerCase()))
          problems.push(`${at}/${index}/id is a duplicate`);
        seen.add(String(record?.id).slice(-24).toLowerCase());
      }
    }
  }
  return problems;
}

/**
 * `a.b[0].c must …` → `/a/b/0/c must …` (a problem of schemas.describe as a JSON pointer).
 * @param {string} problem
 */
function pointerOf(problem) {
  const [field = '', ...rest] = problem.split(' ');
  const pointer = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((token) => `/${token}`)
    .join('');
  return `${pointer} ${rest.join(' ')}`;
}

/**
 * Fills store from world (the store is cleared first).
 * @param {import('./store.mjs').Store} store
 * @param {import('./model.mjs').MockOperation[]} operations
 * @param {World} world
 */
export function loadWorld(store, operations, world) {
  store.clear();
  const single = new Set(singletons(operations));
  for (const [orgId, records] of Object.entries(world.orgs)) {
    for (const [resource, value] of Object.entries(records)) {
      // No copies: the engine replaces a record's data on every write and never changes it in
      // place, so the world can be loaded again (reset) from the same objects.
      if (single.has(resource)) store.setSingleton(orgId, resource, value);
      else for (const record of /** @type {any[]} */ (value)) store.insert(orgId, resource, record);
    }
  }
}

/** @param {string} text */
function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
