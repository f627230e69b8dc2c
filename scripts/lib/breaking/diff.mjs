// @ts-check
// The whole-document diff: matches operations (method + path, path parameter names ignored),
// then compares security, parameters, request bodies and responses of each, and hands schemas to
// schema-diff. Returns one finding per difference, each named by its policy rule.
import { operations, resolve } from '../openapi.mjs';
import { compareSchemas } from './schema-diff.mjs';

/** @typedef {import('./rules.mjs').Finding} Finding */
/** @typedef {import('./rules.mjs').RuleId} RuleId */
/** @typedef {import('./schema-view.mjs').Json} Json */

/** Query parameters that drive cursor pagination: the policy freezes them. */
const PAGINATION_PARAMETERS = new Set(['cursor', 'limit']);

/** Response headers whose names the policy freezes. */
const RATE_LIMIT_HEADER = /^(x-ratelimit-|retry-after$)/i;

/**
 * @typedef {object} OperationRef
 * @property {string} label `GET /connectors/{id}`
 * @property {Json} operation
 * @property {Json} pathItem
 * @property {Json[]} parameters path-item and operation parameters, resolved, the operation's winning
 */

/**
 * The operations of a bundle (walked by the one model, openapi.mjs), by method and path with
 * parameter names blanked out, so that renaming `{id}` to `{connectorId}` is not a removed
 * operation (the URL is the same).
 * @param {Json} doc
 * @returns {Map<string, OperationRef>}
 */
function operationsOf(doc) {
  const found = new Map();
  for (const { method, path, operation, pathItem, parameters } of operations(doc)) {
    found.set(`${method} ${path.replace(/\{[^}]*\}/g, '{}')}`, {
      label: `${method.toUpperCase()} ${path}`,
      operation,
      pathItem,
      parameters,
    });
  }
  return found;
}

/**
 * The security requirements in force for an operation, as sorted strings such as
 * `BearerAuth[agents:write]`, with the definition of each scheme used.
 * @param {Json} doc
 * @param {Json} operation
 */
function securityOf(doc, operation) {
  /** @type {Json[]} */
  const requirements = operation.security ?? doc.security ?? [];
  const alternatives = requirements.map((requirement) =>
    Object.entries(requirement)
      .map(([scheme, scopes]) => {
        const definition = resolve(doc, doc.components?.securitySchemes?.[scheme]) ?? {};
        const how = [definition.type, definition.scheme, definition.in, definition.name].filter(Boolean).join(' ');
        return `${scheme}(${how})[${[...scopes].sort().join(' ')}]`;
      })
      .sort()
      .join(' + '),
  );
  return alternatives.sort().join(' | ') || 'none';
}

/**
 * The parameters of an operation (merged and resolved by the model), keyed by location and name;
 * header names are case-insensitive.
 * @param {OperationRef} ref
 * @returns {Map<string, Json>}
 */
function parametersOf(ref) {
  const found = new Map();
  for (const parameter of ref.parameters) {
    const name = parameter.in === 'header' ? String(parameter.name).toLowerCase() : parameter.name;
    found.set(`${parameter.in} ${name}`, parameter);
  }
  return found;
}

/**
 * The schema of a parameter or header: its `schema`, or that of its one `content` entry.
 * @param {Json} node
 * @returns {Json | undefined}
 */
function schemaOf(node) {
  return node.schema ?? Object.values(node.content ?? {})[0]?.schema;
}

/** The style each parameter location has when `style` is left out (OpenAPI 3.1 §4.8.12.4). */
const DEFAULT_STYLE = /** @type {Record<string, string>} */ ({
  query: 'form',
  path: 'simple',
  header: 'simple',
  cookie: 'form',
});

/**
 * How a parameter goes on the wire, as clients serialize it: its style, and explode where it
 * matters (arrays and objects; a single value is written the same either way).
 * @param {Json} parameter
 */
function serialization(parameter) {
  if (parameter.content) return `content ${Object.keys(parameter.content).join(', ')}`;
  const style = parameter.style ?? DEFAULT_STYLE[parameter.in] ?? 'form';
  const type = [parameter.schema?.type].flat();
  const composite = type.includes('array') || type.includes('object');
  const explode = composite ? `, explode ${parameter.explode ?? style === 'form'}` : '';
  return `style ${style}${explode}${parameter.allowReserved ? ', allowReserved' : ''}`;
}

/**
 * Whether a status is a success (or redirect): a new one changes what clients must handle.
 * @param {string} status
 */
function isSuccess(status) {
  return /^[123]/.test(status);
}

/**
 * Compares two bundled OpenAPI documents and returns every difference the Macha policy names.
 * Descriptions, summaries, examples and tags are documentation, not contract, and are ignored.
 * @param {Json} before the released bundle
 * @param {Json} after the current bundle
 * @returns {Finding[]}
 */
export function diffBundles(before, after) {
  /** @type {Finding[]} */
  const findings = [];
  const document = (
    /** @type {RuleId} */ rule,
    /** @type {string} */ where,
    /** @type {string | undefined} */ detail,
  ) => findings.push({ rule, operation: '(document)', where, ...(detail ? { detail } : {}) });

  diffServers(before.servers, after.servers, (rule, detail) => document(rule, 'servers', detail));

  const operationsBefore = operationsOf(before);
  const operationsAfter = operationsOf(after);
  for (const [key, ref] of operationsBefore) {
    const other = operationsAfter.get(key);
    if (other) diffOperation(before, after, ref, other, findings);
    else
      findings.push({
        rule: 'operation-removed',
        operation: ref.label,
        operationId: ref.operation.operationId,
        where: 'operation',
      });
  }
  for (const [key, ref] of operationsAfter) {
    if (operationsBefore.has(key)) continue;
    findings.push({
      rule: 'operation-added',
      operation: ref.label,
      operationId: ref.operation.operationId,
      where: 'operation',
      detail: ref.operation.summary,
    });
  }
  return mergeStatuses(findings);
}

/**
 * Two lists of servers, by URL, then the variables of each URL kept: a removed URL or variable
 * value breaks the clients that use it, and so does a changed default (clients leave it out).
 * @param {Json[] | undefined} before
 * @param {Json[] | undefined} after
 * @param {(rule: RuleId, detail: string) => void} emit
 */
function diffServers(before = [], after = [], emit) {
  const a = new Map(before.map((server) => [server.url, server]));
  const b = new Map(after.map((server) => [server.url, server]));
  for (const [url, server] of a) {
    const other = b.get(url);
    if (!other) {
      emit('server-removed', url);
      continue;
    }
    for (const [name, variable] of Object.entries(server.variables ?? {})) {
      const now = other.variables?.[name] ?? {};
      const valuesBefore = variable.enum ?? [];
      const valuesAfter = now.enum ?? [];
      for (const value of valuesBefore) {
        if (valuesAfter.length > 0 && !valuesAfter.includes(value))
          emit('server-variable-value-removed', `${url} {${name}}: ${value}`);
      }
      for (const value of valuesAfter) {
        if (valuesBefore.length > 0 && !valuesBefore.includes(value))
          emit('server-variable-value-added', `${url} {${name}}: ${value}`);
      }
      if (variable.default !== now.default)
        emit('server-variable-default-changed', `${url} {${name}}: ${variable.default} → ${now.default}`);
    }
  }
  for (const url of b.keys()) if (!a.has(url)) emit('server-added', url);
}

/**
 * The servers an operation is called on: its own `servers`, else its path item's, else the
 * document's (OpenAPI 3.1 §4.8.10), and whether it overrides the document's.
 * @param {Json} doc
 * @param {OperationRef} ref
 */
function serversOf(doc, ref) {
  const own = ref.operation.servers ?? ref.pathItem.servers;
  return { servers: own ?? doc.servers ?? [], overridden: own !== undefined };
}

/**
 * Compares one operation present in both bundles.
 * @param {Json} before
 * @param {Json} after
 * @param {OperationRef} old
 * @param {OperationRef} now
 * @param {Finding[]} findings
 */
function diffOperation(before, after, old, now, findings) {
  const operationId = now.operation.operationId ?? old.operation.operationId;
  /** @type {(rule: RuleId, where: string, detail?: string) => void} */
  const emit = (rule, where, detail) => {
    findings.push({ rule, operation: now.label, operationId, where, ...(detail ? { detail } : {}) });
  };
  /**
   * A schema comparison reporting under `where`.
   * @param {'request' | 'response'} direction
   * @param {string} where
   * @param {Json | undefined} a
   * @param {Json | undefined} b
   * @param {boolean} [errorBody]
   */
  const schemas = (direction, where, a, b, errorBody = false) =>
    compareSchemas(
      {
        before,
        after,
        direction,
        errorBody,
        emit: (rule, path, detail) => emit(rule, path === '$' ? where : `${where} ${path}`, detail),
      },
      a ?? {},
      b ?? {},
    );

  if (old.operation.operationId !== now.operation.operationId) {
    emit('operation-id-changed', 'operationId', `${old.operation.operationId} → ${now.operation.operationId}`);
  }
  if (!old.operation.deprecated && now.operation.deprecated) emit('operation-deprecated', 'operation');
  // The document's servers are compared once, above; an override is compared per operation.
  const serversBefore = serversOf(before, old);
  const serversAfter = serversOf(after, now);
  if (serversBefore.overridden || serversAfter.overridden)
    diffServers(serversBefore.servers, serversAfter.servers, (rule, detail) => emit(rule, 'servers', detail));
  const securityBefore = securityOf(before, old.operation);
  const securityAfter = securityOf(after, now.operation);
  if (securityBefore !== securityAfter) emit('security-changed', 'security', `${securityBefore} → ${securityAfter}`);
  const scopeBefore = old.operation['x-required-scope'];
  const scopeAfter = now.operation['x-required-scope'];
  if (JSON.stringify(scopeBefore) !== JSON.stringify(scopeAfter))
    emit('scope-changed', 'x-required-scope', `${scopeBefore ?? 'none'} → ${scopeAfter ?? 'none'}`);

  const parametersBefore = parametersOf(old);
  const parametersAfter = parametersOf(now);
  for (const [key, parameter] of parametersBefore) {
    const other = parametersAfter.get(key);
    const where = `${parameter.in} ${parameter.name}`;
    if (!other) {
      const pagination = parameter.in === 'query' && PAGINATION_PARAMETERS.has(parameter.name);
      emit(pagination ? 'pagination-parameter-removed' : 'parameter-removed', where);
      continue;
    }
    if (!parameter.required && other.required) emit('parameter-now-required', where);
    if (parameter.required && !other.required) emit('parameter-now-optional', where);
    if (!parameter.deprecated && other.deprecated) emit('parameter-deprecated', where);
    const styleBefore = serialization(parameter);
    const styleAfter = serialization(other);
    if (styleBefore !== styleAfter) emit('parameter-serialization-changed', where, `${styleBefore} → ${styleAfter}`);
    schemas('request', where, schemaOf(parameter), schemaOf(other));
  }
  for (const [key, parameter] of parametersAfter) {
    if (!parametersBefore.has(key))
      emit(parameter.required ? 'required-parameter-added' : 'parameter-added', `${parameter.in} ${parameter.name}`);
  }

  const bodyBefore = resolve(before, old.operation.requestBody);
  const bodyAfter = resolve(after, now.operation.requestBody);
  if (bodyBefore && !bodyAfter) emit('request-body-removed', 'request body');
  else if (!bodyBefore && bodyAfter)
    emit(bodyAfter.required ? 'required-request-body-added' : 'request-body-added', 'request body');
  else if (bodyBefore && bodyAfter) {
    if (!bodyBefore.required && bodyAfter.required) emit('request-body-now-required', 'request body');
    if (bodyBefore.required && !bodyAfter.required) emit('request-body-now-optional', 'request body');
    diffContent(bodyBefore.content, bodyAfter.content, 'request body', emit, (where, a, b) =>
      schemas('request', where, a, b),
    );
  }

  const responsesBefore = old.operation.responses ?? {};
  const responsesAfter = now.operation.responses ?? {};
  for (const [status, raw] of Object.entries(responsesBefore)) {
    const where = `response ${status}`;
    if (!(status in responsesAfter)) {
      emit('status-removed', where);
      continue;
    }
    const a = resolve(before, raw) ?? {};
    const b = resolve(after, responsesAfter[status]) ?? {};
    const errorBody = !isSuccess(status);
    diffHeaders(before, after, a.headers ?? {}, b.headers ?? {}, where, emit, (at, x, y) =>
      schemas('response', at, x, y),
    );
    diffContent(a.content, b.content, where, emit, (at, x, y) => schemas('response', at, x, y, errorBody));
  }
  for (const status of Object.keys(responsesAfter)) {
    if (!(status in responsesBefore))
      emit(isSuccess(status) ? 'success-status-added' : 'error-status-added', `response ${status}`);
  }
}

/**
 * Media types of a body, then the schema of each one kept. `application/json`, the API's only
 * type, is left out of the location to keep lines short.
 * @param {Json | undefined} before
 * @param {Json | undefined} after
 * @param {string} where
 * @param {(rule: RuleId, where: string, detail?: string) => void} emit
 * @param {(where: string, a: Json | undefined, b: Json | undefined) => void} schemas
 */
function diffContent(before = {}, after = {}, where, emit, schemas) {
  const request = where.startsWith('request');
  for (const [type, media] of Object.entries(before)) {
    const at = type === 'application/json' ? where : `${where} ${type}`;
    if (type in after) schemas(at, media.schema, after[type].schema);
    else emit(request ? 'request-media-type-removed' : 'response-media-type-removed', where, type);
  }
  for (const type of Object.keys(after)) {
    if (!(type in before)) emit(request ? 'request-media-type-added' : 'response-media-type-added', where, type);
  }
}

/**
 * Response headers, by case-insensitive name. The rate-limit headers get their own rule.
 * @param {Json} before
 * @param {Json} after
 * @param {Json} headersBefore
 * @param {Json} headersAfter
 * @param {string} where
 * @param {(rule: RuleId, where: string, detail?: string) => void} emit
 * @param {(where: string, a: Json | undefined, b: Json | undefined) => void} schemas
 */
function diffHeaders(before, after, headersBefore, headersAfter, where, emit, schemas) {
  const byName = (/** @type {Json} */ doc, /** @type {Json} */ headers) =>
    new Map(
      Object.entries(headers).map(([name, header]) => [
        name.toLowerCase(),
        { name, header: resolve(doc, header) ?? {} },
      ]),
    );
  const a = byName(before, headersBefore);
  const b = byName(after, headersAfter);
  for (const [key, { name, header }] of a) {
    const at = `${where} header ${name}`;
    const other = b.get(key);
    if (!other) {
      emit(RATE_LIMIT_HEADER.test(name) ? 'rate-limit-header-removed' : 'response-header-removed', at);
      continue;
    }
    if (header.required && !other.header.required) emit('response-header-now-optional', at);
    if (!header.required && other.header.required) emit('response-header-now-required', at);
    schemas(at, schemaOf(header), schemaOf(other.header));
  }
  for (const [key, { name }] of b) {
    if (!a.has(key)) emit('response-header-added', `${where} header ${name}`);
  }
}

/**
 * Folds findings that differ only in the response status into one, `response 401, 403, 404 ...`:
 * a shared error schema changes every error response of an operation at once.
 * @param {Finding[]} findings
 * @returns {Finding[]}
 */
function mergeStatuses(findings) {
  /** @type {Map<string, { finding: Finding, statuses: string[] }>} */
  const groups = new Map();
  for (const finding of findings) {
    const match = /^response (\S+)(.*)$/.exec(finding.where);
    const statuses = match ? [match[1] ?? ''] : [];
    const rest = match ? match[2] : finding.where;
    const key = JSON.stringify([finding.rule, finding.operation, match ? 'response' : '', rest, finding.detail ?? '']);
    const group = groups.get(key);
    if (group) group.statuses.push(...statuses);
    else groups.set(key, { finding, statuses });
  }
  return [...groups.values()].map(({ finding, statuses }) =>
    statuses.length > 1
      ? { ...finding, where: finding.where.replace(/^response \S+/, `response ${statuses.join(', ')}`) }
      : finding,
  );
}
