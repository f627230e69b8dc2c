// @ts-check
// Turns a bundled schema into the flat "view" the diff compares: $refs followed, allOf merged,
// `null` branches and `type: [..., 'null']` folded into one `types` set, the spec's open enums
// (anyOf [known values, any string]) and `const` folded into `enum`. Only what the Macha policy
// looks at is kept; descriptions and examples are not part of the contract.
import { isOpenEnum } from '../open-enum.mjs';
import { componentName, refTarget } from '../openapi.mjs';

// Kept for the modules that imported the resolver from here (scripts/lib/operations.mjs): the one
// resolver is the model's.
export { resolve } from '../openapi.mjs';

/** The keywords compared as constraints, and which way each one tightens. */
export const CONSTRAINTS = /** @type {const} */ ({
  minLength: 'min',
  minimum: 'min',
  exclusiveMinimum: 'min',
  minItems: 'min',
  minProperties: 'min',
  maxLength: 'max',
  maximum: 'max',
  exclusiveMaximum: 'max',
  maxItems: 'max',
  maxProperties: 'max',
  minContains: 'min',
  maxContains: 'max',
  multipleOf: 'multiple',
  pattern: 'other',
  format: 'other',
  uniqueItems: 'other',
});

/**
 * Keywords holding a schema that every value (or every matching part of it) must also satisfy:
 * a stricter subschema is a stricter whole, so they are compared recursively. `absent` or `true`
 * allows anything, `false` nothing. Keyed in the view by keyword, or `keyword/name` for maps and
 * lists (`patternProperties/^x-`, `prefixItems/0`, `dependentSchemas/model`).
 */
export const SUBSCHEMA_KEYWORDS = /** @type {const} */ ([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'contains',
  'then',
  'else',
]);

/** Keyword maps and lists of subschemas, each entry compared like a SUBSCHEMA_KEYWORDS one. */
const SUBSCHEMA_MAPS = /** @type {const} */ (['patternProperties', 'dependentSchemas', 'prefixItems']);

/**
 * Keywords whose subschema cannot be ordered by comparing it: `not` inverts it, and `if` picks which
 * of `then`/`else` applies. Any change to them counts as tighter.
 */
export const OPAQUE_KEYWORDS = /** @type {const} */ (['not', 'if']);

/** @typedef {keyof typeof CONSTRAINTS} ConstraintName */
/** @typedef {Record<string, any>} Json */

/**
 * @typedef {object} SchemaView
 * @property {Set<string> | null} types the JSON types allowed, `null` included; null when unconstrained
 * @property {Set<unknown> | null} enumValues the documented values, or null for no enum
 * @property {boolean} openEnum whether values outside `enumValues` may also occur
 * @property {Map<string, Json>} properties raw property schemas (viewed lazily: schemas may recurse)
 * @property {Set<string>} required
 * @property {Map<string, boolean | Json>} subschemas SUBSCHEMA_KEYWORDS and SUBSCHEMA_MAPS entries present
 * @property {Map<string, Json>} opaque OPAQUE_KEYWORDS present
 * @property {Map<string, Set<string>>} dependentRequired property → the properties it requires
 * @property {Json[][]} alternatives oneOf/anyOf groups, each a list of raw branch schemas
 * @property {Partial<Record<ConstraintName, unknown>>} constraints
 * @property {unknown} default
 * @property {boolean} deprecated
 */

/** @returns {SchemaView} */
function emptyView() {
  return {
    types: null,
    enumValues: null,
    openEnum: false,
    properties: new Map(),
    required: new Set(),
    subschemas: new Map(),
    opaque: new Map(),
    dependentRequired: new Map(),
    alternatives: [],
    constraints: {},
    default: undefined,
    deprecated: false,
  };
}

/**
 * Whether a branch is exactly `{type: 'null'}`, the spec's way to make a $ref nullable.
 * @param {Json} branch
 */
function isNullBranch(branch) {
  return branch?.type === 'null' && Object.keys(branch).every((key) => ['type', 'description', 'title'].includes(key));
}

/**
 * Intersects two type sets; null means "any type".
 * @param {Set<string> | null} a
 * @param {Set<string> | null} b
 */
function intersectTypes(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  return new Set([...a].filter((type) => b.has(type) || (type === 'integer' && b.has('number'))));
}

/**
 * Merges the view of one allOf member (or of the schema's own keywords) into the accumulator.
 * @param {SchemaView} into
 * @param {SchemaView} part
 */
function mergeInto(into, part) {
  into.types = intersectTypes(into.types, part.types);
  const values = part.enumValues;
  if (values && into.enumValues) {
    into.enumValues = new Set([...into.enumValues].filter((value) => values.has(value)));
    into.openEnum &&= part.openEnum;
  } else if (values) {
    into.enumValues = values;
    into.openEnum = part.openEnum;
  }
  for (const [name, schema] of part.properties) {
    const existing = into.properties.get(name);
    into.properties.set(name, existing ? { allOf: [existing, schema] } : schema);
  }
  for (const name of part.required) into.required.add(name);
  // One keyword in two allOf members: a value must satisfy both.
  for (const [key, schema] of part.subschemas) {
    const existing = into.subschemas.get(key);
    into.subschemas.set(key, existing === undefined ? schema : { allOf: [existing, schema] });
  }
  for (const [key, schema] of part.opaque) {
    const existing = into.opaque.get(key);
    into.opaque.set(key, existing === undefined ? schema : { allOf: [existing, schema] });
  }
  for (const [name, needs] of part.dependentRequired) {
    into.dependentRequired.set(name, new Set([...(into.dependentRequired.get(name) ?? []), ...needs]));
  }
  into.alternatives.push(...part.alternatives);
  for (const [name, value] of Object.entries(part.constraints)) {
    const key = /** @type {ConstraintName} */ (name);
    const current = into.constraints[key];
    const direction = CONSTRAINTS[key];
    // Two members constraining one keyword: the tighter wins, as it does for a validator.
    if (current === undefined || direction === 'other' || direction === 'multiple') into.constraints[key] = value;
    else if (direction === 'min') into.constraints[key] = Math.max(Number(current), Number(value));
    else into.constraints[key] = Math.min(Number(current), Number(value));
  }
  if (part.default !== undefined) into.default = part.default;
  into.deprecated ||= part.deprecated;
}

/**
 * The view of one schema object's own keywords (no allOf, no $ref).
 * @param {Json} schema
 * @returns {SchemaView}
 */
function ownView(schema) {
  const view = emptyView();
  if (schema.type !== undefined) view.types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (schema.const !== undefined) view.enumValues = new Set([schema.const]);
  if (Array.isArray(schema.enum)) view.enumValues = new Set(schema.enum);
  for (const [name, property] of Object.entries(schema.properties ?? {})) view.properties.set(name, property);
  for (const name of schema.required ?? []) view.required.add(name);
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    if (schema[keyword] !== undefined) view.subschemas.set(keyword, schema[keyword]);
  }
  for (const keyword of SUBSCHEMA_MAPS) {
    for (const [name, sub] of Object.entries(schema[keyword] ?? {})) view.subschemas.set(`${keyword}/${name}`, sub);
  }
  for (const keyword of OPAQUE_KEYWORDS) {
    if (schema[keyword] !== undefined) view.opaque.set(keyword, schema[keyword]);
  }
  for (const [name, needs] of Object.entries(schema.dependentRequired ?? {})) {
    view.dependentRequired.set(name, new Set(needs));
  }
  for (const key of /** @type {ConstraintName[]} */ (Object.keys(CONSTRAINTS))) {
    if (schema[key] !== undefined) view.constraints[key] = schema[key];
  }
  view.default = schema.default;
  view.deprecated = schema.deprecated === true;
  return view;
}

/**
 * The view of a oneOf/anyOf: an open enum, a nullable wrapper around one branch, or a group of
 * alternatives kept for branch-by-branch comparison.
 * @param {Json} doc
 * @param {Json[]} branches
 * @param {boolean} open whether the composition is the spec's open-enum form
 * @param {Json} owner the schema holding the composition
 * @returns {SchemaView}
 */
function compositionView(doc, branches, open, owner) {
  if (open) {
    const view = emptyView();
    view.types = new Set(['string']);
    view.enumValues = new Set(owner.anyOf[0].enum);
    view.openEnum = true;
    return view;
  }
  const rest = branches.filter((branch) => !isNullBranch(branch));
  // `oneOf [X, {type: null}]` is the spec's nullable X, not a choice of shapes.
  if (rest.length === 1 && rest.length < branches.length) {
    const view = viewOf(doc, rest[0] ?? {});
    if (view.types) view.types = new Set([...view.types, 'null']);
    return view;
  }
  // Anything else is a choice of shapes, kept whole (even of one) so branches match by name.
  const view = emptyView();
  view.alternatives.push(branches);
  return view;
}

/**
 * The comparable view of a schema of the bundle.
 * @param {Json} doc the bundle its $refs point into
 * @param {Json | boolean | undefined} schema `true` and a missing schema allow anything
 * @param {number} [depth] guards against $ref chains that never reach a schema
 * @returns {SchemaView}
 */
export function viewOf(doc, schema, depth = 0) {
  if (depth > 50) throw new Error('schema nesting deeper than 50 levels (a $ref cycle through allOf?)');
  if (schema === true || schema === undefined) return emptyView();
  if (schema === false) return { ...emptyView(), types: new Set() };
  const view = emptyView();
  if (typeof schema.$ref === 'string') mergeInto(view, viewOf(doc, refTarget(doc, schema.$ref), depth + 1));
  mergeInto(view, ownView(schema));
  for (const member of schema.allOf ?? []) mergeInto(view, viewOf(doc, member, depth + 1));
  if (Array.isArray(schema.anyOf)) mergeInto(view, compositionView(doc, schema.anyOf, isOpenEnum(schema), schema));
  if (Array.isArray(schema.oneOf)) mergeInto(view, compositionView(doc, schema.oneOf, false, schema));
  return view;
}

/**
 * The name a oneOf/anyOf branch is matched by across versions: its title, else its $ref's
 * component name, `null` for the null branch, else its position.
 * @param {Json} branch
 * @param {number} index
 */
export function branchKey(branch, index) {
  if (typeof branch.title === 'string') return branch.title;
  if (isNullBranch(branch)) return 'null';
  const component = componentName(branch.$ref);
  if (component) return component;
  return `#${index + 1}`;
}

/**
 * A schema with its $refs inlined (to a depth, for recursive schemas), as canonical JSON: two
 * subschemas that cannot be ordered are compared by what they say, not by how they are written.
 * @param {Json} doc
 * @param {unknown} schema
 * @param {number} [depth]
 * @returns {string}
 */
export function canonical(doc, schema, depth = 0) {
  if (Array.isArray(schema)) return `[${schema.map((item) => canonical(doc, item, depth)).join(',')}]`;
  if (schema === null || typeof schema !== 'object') return JSON.stringify(schema);
  const node = /** @type {Json} */ (schema);
  if (typeof node.$ref === 'string' && depth < 20) return canonical(doc, refTarget(doc, node.$ref), depth + 1);
  const keys = Object.keys(node)
    .filter((key) => !['description', 'title', 'examples', 'example', '$comment'].includes(key))
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(doc, node[key], depth)}`).join(',')}}`;
}
