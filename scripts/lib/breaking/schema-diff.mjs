// @ts-check
// Compares two schemas of one request or response position and reports each difference under its
// policy rule. The direction decides the verdict where the policy depends on who sends the value:
// a removed field breaks both ways, a new field is harmless unless a request now requires it.
import { branchKey, CONSTRAINTS, canonical, viewOf } from './schema-view.mjs';

/** @typedef {import('./rules.mjs').RuleId} RuleId */
/** @typedef {import('./schema-view.mjs').SchemaView} SchemaView */
/** @typedef {import('./schema-view.mjs').ConstraintName} ConstraintName */
/** @typedef {import('./schema-view.mjs').Json} Json */

/**
 * @typedef {object} SchemaContext
 * @property {Json} before the old bundle
 * @property {Json} after the new bundle
 * @property {'request' | 'response'} direction who sends the value
 * @property {boolean} errorBody whether the schema is the body of an error response
 * @property {(rule: RuleId, path: string, detail?: string) => void} emit
 * @property {Set<string>} [stack] the $ref pairs being compared, so recursive schemas end
 */

/**
 * A JSON path one property further down.
 * @param {string} path
 * @param {string} name
 */
function childPath(path, name) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${path}.${name}` : `${path}['${name}']`;
}

/** @param {unknown} value */
function show(value) {
  return value === undefined ? 'none' : JSON.stringify(value);
}

/** @param {Set<string> | null} types */
function showTypes(types) {
  return types === null ? 'any' : [...types].sort().join('|');
}

/**
 * Whether a value of every type in `from` is also accepted by `to` (integer fits in number).
 * @param {Set<string>} from
 * @param {Set<string> | null} to
 */
function acceptsAll(from, to) {
  return to === null || [...from].every((type) => to.has(type) || (type === 'integer' && to.has('number')));
}

/**
 * Reports a changed constraint under the rule its direction gives it. A value clients send may only
 * get looser; a value clients receive may get tighter too (fewer values reach them than they
 * handle), and looser (the policy lists looser constraints as additive, like new enum values).
 * @param {SchemaContext} ctx
 * @param {boolean} tighter
 * @param {string} path
 * @param {string} detail
 */
function constraint(ctx, tighter, path, detail) {
  const rule = !tighter
    ? 'looser-constraint'
    : ctx.direction === 'request'
      ? 'tighter-constraint'
      : 'response-tighter-constraint';
  ctx.emit(rule, path, detail);
}

/**
 * Type and nullability. A response field of another type breaks clients whichever way it
 * changes; a request field may only widen.
 * @param {SchemaContext} ctx
 * @param {SchemaView} a
 * @param {SchemaView} b
 * @param {string} path
 */
function compareTypes(ctx, a, b, path) {
  if (a.types === null && b.types === null) return;
  if (a.types !== null && b.types !== null) {
    const wasNullable = a.types.has('null');
    const isNullable = b.types.has('null');
    if (wasNullable !== isNullable) {
      if (ctx.direction === 'response')
        ctx.emit(isNullable ? 'response-field-nullable' : 'response-field-not-nullable', path);
      else ctx.emit(isNullable ? 'request-field-nullable' : 'request-field-not-nullable', path);
    }
  }
  const core = (/** @type {Set<string> | null} */ types) =>
    types === null ? null : new Set([...types].filter((type) => type !== 'null'));
  const from = core(a.types);
  const to = core(b.types);
  if (showTypes(from) === showTypes(to)) return;
  const detail = `${showTypes(from)} → ${showTypes(to)}`;
  if (ctx.direction === 'request' && from !== null && acceptsAll(from, to))
    ctx.emit('request-type-widened', path, detail);
  else if (ctx.direction === 'response' && to !== null && acceptsAll(to, from))
    ctx.emit('response-type-narrowed', path, detail);
  else ctx.emit('type-changed', path, detail);
}

/**
 * Enum values. Both directions agree: a new value is additive (new values in fields clients do not
 * send are promised; in requests it is a looser constraint), a removed value breaks (a rename is a
 * removal plus an addition). `error.code` in error bodies gets the error-code rules.
 * @param {SchemaContext} ctx
 * @param {SchemaView} a
 * @param {SchemaView} b
 * @param {string} path
 */
function compareEnums(ctx, a, b, path) {
  const errorCode = ctx.direction === 'response' && ctx.errorBody && path === '$.error.code';
  // An open enum accepts any value, like no enum at all, but still documents its known values.
  const accepted = (/** @type {SchemaView} */ view) => (view.enumValues && !view.openEnum ? 'closed' : 'any');
  const before = a.enumValues ?? new Set();
  const after = b.enumValues ?? new Set();
  // A plain string that becomes a closed enum is one tighter constraint, not a list of new values.
  if (a.enumValues || accepted(b) === 'any') {
    for (const value of after) {
      if (!before.has(value)) ctx.emit(errorCode ? 'error-code-added' : 'enum-value-added', path, show(value));
    }
  }
  if (accepted(a) === 'any' || accepted(b) === 'closed') {
    // Removing a value from a closed enum that is dropped altogether loosens it (reported below).
    for (const value of before) {
      if (!after.has(value)) ctx.emit(errorCode ? 'error-code-removed' : 'enum-value-removed', path, show(value));
    }
  }
  if (accepted(a) === 'any' && accepted(b) === 'closed')
    constraint(ctx, true, path, a.enumValues ? 'open enum closed' : 'enum added');
  if (accepted(a) === 'closed' && accepted(b) === 'any')
    constraint(ctx, false, path, b.enumValues ? 'enum opened' : 'enum removed');
}

/**
 * Whether `to` is a multiple of `from` (every multiple of `to` is one of `from`), up to rounding.
 * @param {number} to
 * @param {number} from
 */
function isMultiple(to, from) {
  return Number.isInteger(Number((to / from).toPrecision(12)));
}

/**
 * Validation keywords. Tighter or looser is judged per keyword; a changed pattern or format cannot
 * be ordered, so it counts as tighter.
 * @param {SchemaContext} ctx
 * @param {SchemaView} a
 * @param {SchemaView} b
 * @param {string} path
 */
function compareConstraints(ctx, a, b, path) {
  for (const key of /** @type {ConstraintName[]} */ (Object.keys(CONSTRAINTS))) {
    const from = a.constraints[key];
    const to = b.constraints[key];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const kind = CONSTRAINTS[key];
    let tighter;
    if (to === undefined || to === false) tighter = false;
    else if (from === undefined || from === false) tighter = true;
    else if (kind === 'min') tighter = Number(to) > Number(from);
    else if (kind === 'max') tighter = Number(to) < Number(from);
    else if (kind === 'multiple') tighter = !isMultiple(Number(from), Number(to));
    else tighter = true;
    constraint(ctx, tighter, path, `${key} ${show(from)} → ${show(to)}`);
  }
  compareDependentRequired(ctx, a, b, path);
  for (const key of new Set([...a.opaque.keys(), ...b.opaque.keys()])) {
    const from = a.opaque.get(key);
    const to = b.opaque.get(key);
    if (from === undefined) constraint(ctx, true, path, `${key} added`);
    else if (to === undefined) constraint(ctx, false, path, `${key} removed`);
    else if (canonical(ctx.before, from) !== canonical(ctx.after, to)) constraint(ctx, true, path, `${key} changed`);
  }
  for (const key of new Set([...a.subschemas.keys(), ...b.subschemas.keys()])) {
    compareSubschema(ctx, key, a.subschemas.get(key), b.subschemas.get(key), path);
  }
}

/**
 * `dependentRequired`: a property that now requires more others is tighter, fewer looser.
 * @param {SchemaContext} ctx
 * @param {SchemaView} a
 * @param {SchemaView} b
 * @param {string} path
 */
function compareDependentRequired(ctx, a, b, path) {
  for (const name of new Set([...a.dependentRequired.keys(), ...b.dependentRequired.keys()])) {
    const from = a.dependentRequired.get(name) ?? new Set();
    const to = b.dependentRequired.get(name) ?? new Set();
    const added = [...to].filter((other) => !from.has(other));
    const removed = [...from].filter((other) => !to.has(other));
    if (added.length + removed.length === 0) continue;
    constraint(ctx, added.length > 0, path, `dependentRequired ${name}: ${show([...from])} → ${show([...to])}`);
  }
}

/**
 * The path a subschema keyword's findings are reported under: `$.tags[*]` for items, `$.tags.*` for
 * additionalProperties, `$.tags[0]` for a prefixItems entry, `$.tags<contains>` for the others.
 * @param {string} path
 * @param {string} key
 */
function subschemaPath(path, key) {
  if (key === 'additionalProperties') return `${path}.*`;
  if (key === 'items') return `${path}[*]`;
  const prefix = /^prefixItems\/(\d+)$/.exec(key);
  return prefix ? `${path}[${prefix[1]}]` : `${path}<${key}>`;
}

/**
 * One subschema keyword (see SUBSCHEMA_KEYWORDS): added is tighter, removed looser, `false` the
 * tightest; two schemas are compared recursively, since a stricter part is a stricter whole.
 * @param {SchemaContext} ctx
 * @param {string} key
 * @param {boolean | Json | undefined} from
 * @param {boolean | Json | undefined} to
 * @param {string} path
 */
function compareSubschema(ctx, key, from, to, path) {
  const level = (/** @type {boolean | Json | undefined} */ value) =>
    value === undefined || value === true ? 0 : value === false ? 2 : 1;
  const levelFrom = level(from);
  const levelTo = level(to);
  if (levelFrom === 1 && levelTo === 1) {
    compareSchemas(ctx, /** @type {Json} */ (from), /** @type {Json} */ (to), subschemaPath(path, key));
    return;
  }
  if (levelFrom === levelTo) return;
  const names = ['none', 'a schema', 'false'];
  let detail = `${key}: ${names[levelFrom]} → ${names[levelTo]}`;
  if (key === 'additionalProperties' || key === 'unevaluatedProperties') {
    if (levelTo === 2) detail = 'unknown fields now rejected';
    else if (levelTo === 0) detail = 'unknown fields now allowed';
  }
  constraint(ctx, levelTo > levelFrom, path, detail);
}

/**
 * Object fields: added, removed, required or not.
 * @param {SchemaContext} ctx
 * @param {SchemaView} a
 * @param {SchemaView} b
 * @param {string} path
 */
function compareProperties(ctx, a, b, path) {
  const names = new Set([...a.properties.keys(), ...a.required, ...b.properties.keys(), ...b.required]);
  const request = ctx.direction === 'request';
  for (const name of names) {
    const at = childPath(path, name);
    const inBefore = a.properties.has(name) || a.required.has(name);
    const inAfter = b.properties.has(name) || b.required.has(name);
    const wasRequired = a.required.has(name);
    const isRequired = b.required.has(name);
    if (!inAfter) {
      ctx.emit(request ? 'request-field-removed' : 'response-field-removed', at);
      continue;
    }
    if (!inBefore) {
      if (!request) ctx.emit('response-field-added', at);
      else ctx.emit(isRequired ? 'required-request-field-added' : 'request-field-added', at);
      continue;
    }
    if (wasRequired !== isRequired) {
      if (request) ctx.emit(isRequired ? 'request-field-now-required' : 'request-field-now-optional', at);
      else ctx.emit(isRequired ? 'response-field-now-required' : 'response-field-now-optional', at);
    }
    compareSchemas(ctx, a.properties.get(name) ?? {}, b.properties.get(name) ?? {}, at);
  }
}

/**
 * oneOf/anyOf groups, branch by branch, matched by title or $ref name.
 * @param {SchemaContext} ctx
 * @param {SchemaView} a
 * @param {SchemaView} b
 * @param {string} path
 */
function compareAlternatives(ctx, a, b, path) {
  const groups = Math.max(a.alternatives.length, b.alternatives.length);
  for (let group = 0; group < groups; group += 1) {
    const before = new Map((a.alternatives[group] ?? []).map((branch, index) => [branchKey(branch, index), branch]));
    const after = new Map((b.alternatives[group] ?? []).map((branch, index) => [branchKey(branch, index), branch]));
    for (const [key, branch] of before) {
      const other = after.get(key);
      if (other) compareSchemas(ctx, branch, other, `${path}<${key}>`);
      else ctx.emit('alternative-removed', path, key);
    }
    for (const key of after.keys()) {
      if (!before.has(key))
        ctx.emit(ctx.direction === 'request' ? 'request-alternative-added' : 'response-alternative-added', path, key);
    }
  }
}

/**
 * Compares the schema a value had in the old bundle with the one it has in the new, reporting every
 * policy-relevant difference at `path` (a JSON path rooted at the body or parameter, `$`).
 * @param {SchemaContext} ctx
 * @param {Json} before
 * @param {Json} after
 * @param {string} [path]
 */
export function compareSchemas(ctx, before, after, path = '$') {
  // A recursive schema meets the same pair of $refs again further down; once is enough.
  const pair =
    typeof before?.$ref === 'string' && typeof after?.$ref === 'string' ? `${before.$ref}|${after.$ref}` : undefined;
  const stack = (ctx.stack ??= new Set());
  if (pair && stack.has(pair)) return;
  if (pair) stack.add(pair);
  try {
    const a = viewOf(ctx.before, before);
    const b = viewOf(ctx.after, after);
    compareTypes(ctx, a, b, path);
    compareEnums(ctx, a, b, path);
    compareConstraints(ctx, a, b, path);
    if (
      ctx.direction === 'request' &&
      a.default !== undefined &&
      JSON.stringify(a.default) !== JSON.stringify(b.default)
    ) {
      ctx.emit('default-changed', path, `${show(a.default)} → ${show(b.default)}`);
    }
    if (!a.deprecated && b.deprecated) ctx.emit('field-deprecated', path);
    compareProperties(ctx, a, b, path);
    compareAlternatives(ctx, a, b, path);
  } finally {
    if (pair) stack.delete(pair);
  }
}
