// Request checks from the bundle: path, query and header parameters against their schemas (query
// values coerced from text by the schema's type, defaults applied) and the JSON body against the
// request body's schema. A failure is the message for `422 validation_failed`, naming the field.

/**
 * @typedef {object} CheckedRequest
 * @property {Record<string, string>} path decoded path parameters
 * @property {Record<string, unknown>} query declared query parameters, coerced, with defaults
 * @property {Record<string, string>} header declared header parameters that were sent
 * @property {unknown} body the parsed JSON body (undefined when none)
 */

/**
 * Checks one request against its operation; returns the checked values or a failure.
 * @param {import('./model.mjs').MockOperation} op
 * @param {ReturnType<import('./schemas.mjs').createSchemas>} schemas
 * @param {{ params: Record<string, string>, query: URLSearchParams, headers: Record<string, any>,
 *   bodyText: string }} raw
 * @returns {{ ok: true, value: CheckedRequest } | { ok: false, status: number, message: string }}
 */
export function checkRequest(op, schemas, raw) {
  /** @type {CheckedRequest} */
  const value = { path: {}, query: {}, header: {}, body: undefined };
  for (const parameter of op.parameters) {
    const where = `${parameter.in === 'query' ? 'query parameter' : parameter.in} ${parameter.name}`;
    const fail = (/** @type {string} */ message) => ({ ok: /** @type {const} */ (false), status: 422, message });
    let sent;
    if (parameter.in === 'path') sent = safeDecode(raw.params[parameter.name] ?? '');
    else if (parameter.in === 'query') sent = queryValue(parameter, raw.query);
    else if (parameter.in === 'header') {
      const header = raw.headers[parameter.name.toLowerCase()];
      sent = Array.isArray(header) ? header.join(', ') : header;
    } else continue;
    if (sent === undefined) {
      if (parameter.required) return fail(`${where} is required`);
      if (parameter.in === 'query' && parameter.schema?.default !== undefined)
        value.query[parameter.name] = parameter.schema.default;
      continue;
    }
    const coerced = parameter.in === 'query' ? coerce(parameter.schema, sent) : sent;
    const problem = parameter.schema ? schemas.compile(parameter.schema, where)(coerced) : undefined;
    if (problem) return fail(problem);
    if (parameter.in === 'path') value.path[parameter.name] = /** @type {string} */ (coerced);
    else if (parameter.in === 'query') value.query[parameter.name] = coerced;
    else value.header[parameter.name] = /** @type {string} */ (coerced);
  }
  if (op.bodySchema) {
    if (raw.bodyText.trim() === '') {
      if (op.bodyRequired) return { ok: false, status: 422, message: 'The request body is required (JSON).' };
    } else {
      try {
        value.body = JSON.parse(raw.bodyText);
      } catch {
        // A 400 when the spec declares one for malformed JSON, else the validation error.
        const status = op.source.operation.responses?.['400'] ? 400 : 422;
        return { ok: false, status, message: 'The request body is not valid JSON.' };
      }
      const problem = schemas.compile(op.bodySchema, 'body')(value.body);
      if (problem) return { ok: false, status: 422, message: `The request body is invalid: ${problem}.` };
    }
  }
  return { ok: true, value };
}

/**
 * A query parameter's raw value: every occurrence for an array, else the first; undefined when absent.
 * @param {any} parameter
 * @param {URLSearchParams} query
 */
function queryValue(parameter, query) {
  if (!query.has(parameter.name)) return undefined;
  if (parameter.schema?.type === 'array') {
    const all = query.getAll(parameter.name);
    // form style, explode false: one comma-separated value.
    return parameter.explode === false ? (all[0] ?? '').split(',') : all;
  }
  return query.get(parameter.name) ?? undefined;
}

/**
 * A query value as its schema's type would have it (`"10"` → 10 for an integer); left as text
 * when it does not parse, so that the schema check names the problem.
 * @param {any} schema
 * @param {any} sent
 * @returns {unknown}
 */
function coerce(schema, sent) {
  if (Array.isArray(sent)) return sent.map((item) => coerce(schema?.items, item));
  const types = [schema?.type ?? []].flat();
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(sent)) return Number(sent);
  if (types.includes('boolean') && (sent === 'true' || sent === 'false')) return sent === 'true';
  return sent;
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
