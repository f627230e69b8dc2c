// @ts-check
// Generates the client's declarations (operations.mjs appends them to generated/operations.ts):
// one declared signature per operation, with named parameters and JSDoc from the spec (summary,
// description, scope, deprecation, the errors it returns), so that hover and go-to-definition land
// in generated code, and named types (`AgentCreate`) instead of their expansions. Declarations
// only: the runtime builds the methods from the table above them.
// Plain interfaces per resource keep type checking linear in the number of operations (a mapped
// type over every operation failed with TS2590 at 1,000).
import { componentName, resolve } from './openapi.mjs';
import { clientMethods, propertyOf, successSchema } from './operations.mjs';
import { StepError } from './steps.mjs';

/** The error class each documented status is thrown as (src/errors.ts). */
const ERROR_CLASSES = /** @type {Record<string, string>} */ ({
  400: 'BadRequestError',
  401: 'AuthenticationError',
  403: 'PermissionDeniedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'ValidationError',
  429: 'RateLimitError',
});

/** @param {string} name */
const pascal = (name) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Text made safe inside a JSDoc block: no comment terminator, one ` * ` per line.
 * @param {string} text
 */
function docLines(text) {
  return text.replaceAll('*/', '*\\/').trim().split('\n');
}

/**
 * A JSDoc block, indented.
 * @param {string[]} lines
 * @param {string} indent
 */
function jsdoc(lines, indent) {
  if (lines.length === 0) return '';
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ''}`).join('\n')}\n${indent} */\n`;
}

/**
 * Whether a component schema is a plain object type (no union, no composition), which an
 * interface can extend.
 * @param {any} schema
 */
function isPlainObject(schema) {
  if (!schema || typeof schema !== 'object' || schema.$ref) return false;
  if (['anyOf', 'oneOf', 'allOf', 'not', 'enum', 'const', 'if'].some((key) => key in schema)) return false;
  return schema.type === 'object' || (schema.type === undefined && typeof schema.properties === 'object');
}

/**
 * The error codes the spec documents: every string enum under an error response's `error.code`.
 * @param {any} bundle
 */
export function errorCodes(bundle) {
  const codes = new Set();
  /** @param {any} schema @param {number} depth */
  const collect = (schema, depth) => {
    const resolved = resolve(bundle, schema);
    if (!resolved || depth > 10) return;
    for (const value of resolved.enum ?? []) if (typeof value === 'string') codes.add(value);
    if (typeof resolved.const === 'string') codes.add(resolved.const);
    for (const part of [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])])
      collect(part, depth + 1);
  };
  for (const { entry } of clientMethods(bundle)) {
    for (const [status, response] of Object.entries(entry.operation.responses ?? {})) {
      if (!/^[45]/.test(status)) continue;
      const schema = resolve(bundle, response)?.content?.['application/json']?.schema;
      collect(propertyOf(bundle, propertyOf(bundle, schema, 'error'), 'code'), 0);
    }
  }
  return [...codes].sort();
}

/**
 * The TypeScript type of a schema at `fallback`: its component name when it is a $ref to one.
 * @param {any} schema
 * @param {string} fallback
 * @param {Set<string>} named
 */
function typeOf(schema, fallback, named) {
  const name = componentName(schema?.$ref);
  return name && named.has(name) ? name : fallback;
}

/**
 * The declarations' source, part of generated/operations.ts (whose own names it must not take).
 * @param {any} bundle
 */
export function clientSource(bundle) {
  const methods = clientMethods(bundle);
  const schemas = Object.keys(bundle.components?.schemas ?? {}).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const named = new Set(schemas);
  const taken = new Set([...schemas, 'OperationEntry', 'PathParam', 'Schema', 'Loose', 'APIPromise', 'CallOptions']);
  /** @param {string} name @param {string} where */
  const claim = (name, where) => {
    if (taken.has(name))
      throw new StepError(`${where}: the generated type name ${name} is also a component schema name; rename one`);
    taken.add(name);
    return name;
  };
  const out = [];
  out.push(
    "import type { APIPromise, CallOptions, Loose } from '../src/types.js';",
    "import type { components, operations } from './schema.js';",
    '',
    "type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];",
    '',
  );
  for (const name of schemas) {
    const schema = bundle.components.schemas[name];
    const title = typeof schema?.description === 'string' ? docLines(schema.description)[0] : undefined;
    // An interface, where TypeScript allows one, is shown by its name in hovers and errors; an
    // alias of a union or a primitive is shown expanded, so those stay aliases.
    const declaration = isPlainObject(schema)
      ? `export interface ${name} extends Schema<'${name}'> {}`
      : `export type ${name} = Schema<'${name}'>;`;
    out.push(`${jsdoc([title ?? `The ${name} schema.`], '')}${declaration}`);
  }
  const codes = errorCodes(bundle);
  out.push(
    '',
    "/** The API's documented error codes (`MachaError.code` also takes the client's codes and any string). */",
    `export type ApiErrorCode = ${codes.length ? codes.map((code) => JSON.stringify(code)).join(' | ') : 'never'};`,
    '',
  );
  /** @type {Map<string, string[]>} */
  const members = new Map();
  for (const { entry, names } of methods) {
    const { operation, operationId = '' } = entry;
    const where = `${entry.method.toUpperCase()} ${entry.path} (${operationId})`;
    const prefix = `${pascal(names.resource)}${pascal(names.action)}`;
    const ops = `operations['${operationId}']`;
    const params = [];
    const pathParams = entry.parameters
      .filter((p) => p.in === 'path')
      .sort((a, b) => entry.path.indexOf(`{${a.name}}`) - entry.path.indexOf(`{${b.name}}`));
    for (const param of pathParams) {
      const id = /** @type {string} */ (/^[A-Za-z_$][\w$]*$/.test(param.name) ? param.name : `param${params.length}`);
      params.push(`${id}: string`);
    }
    const docs = [];
    if (operation.summary) docs.push(...docLines(operation.summary));
    if (operation.description) docs.push('', ...docLines(operation.description));
    const scope = operation['x-required-scope'];
    if (scope) docs.push('', `Scope: \`${scope}\`.`);
    for (const param of pathParams) {
      const text = param.description ?? resolve(bundle, param.schema)?.description;
      if (text) docs.push(`@param ${param.name} ${docLines(text).join(' ')}`);
    }
    const body = resolve(bundle, operation.requestBody);
    if (body) {
      const schema = body.content?.['application/json']?.schema;
      const type = typeOf(schema, `NonNullable<${ops}['requestBody']>['content']['application/json']`, named);
      params.push(`body${body.required ? '' : '?'}: Loose<${type}>`);
    }
    const query = entry.parameters.filter((p) => p.in === 'query');
    let queryType = '';
    if (query.length > 0) {
      queryType = claim(`${prefix}Params`, where);
      const optional = query.every((p) => !p.required);
      out.push(
        jsdoc([`Query parameters of \`macha.${names.resource}.${names.action}\`.`], '') +
          `export type ${queryType} = Loose<NonNullable<${ops}['parameters']['query']>>;`,
      );
      params.push(`params${optional ? '?' : ''}: ${queryType}`);
    }
    params.push('options?: CallOptions');
    const success = successSchema(bundle, operation);
    const status = Object.keys(operation.responses ?? {}).find((code) => /^2\d\d$/.test(code));
    const result = success
      ? typeOf(success, `${ops}['responses'][${status}]['content']['application/json']`, named)
      : 'void';
    for (const [code, response] of Object.entries(operation.responses ?? {})) {
      if (!/^[45]/.test(code)) continue;
      const kind = ERROR_CLASSES[code] ?? (code.startsWith('5') ? 'InternalServerError' : 'MachaError');
      const text = resolve(bundle, response)?.description;
      docs.push(`@throws {${kind}} ${code}${text ? ` ${docLines(text)[0]}` : ''}`);
    }
    if (operation.deprecated) docs.push('@deprecated This operation is deprecated by the API.');
    const list = members.get(names.resource) ?? [];
    members.set(names.resource, list);
    list.push(`${jsdoc(docs, '  ')}  ${names.action}(${params.join(', ')}): APIPromise<${result}>;`);
    if (names.paginated) {
      const data = propertyOf(bundle, success, 'data');
      const items = resolve(bundle, data)?.items;
      const item = typeOf(items, `${result}['data'][number]`, named);
      const allDocs = [
        `Every item of \`${names.action}\`, page after page (follows \`meta.next_cursor\`).`,
        ...docs.filter((line) => line.startsWith('@')),
      ];
      const signature = `${names.action}All(${params.join(', ')}): AsyncGenerator<${item}, void, undefined>;`;
      list.push(`${jsdoc(allDocs, '  ')}  ${signature}`);
    }
  }
  const tags = new Map((bundle.tags ?? []).map((/** @type {any} */ tag) => [tag.name, tag.description]));
  const resourceTypes = [];
  for (const [resource, lines] of members) {
    const type = claim(`${pascal(resource)}Resource`, `resource ${resource}`);
    const tag = methods.find(({ names }) => names.resource === resource)?.entry.operation.tags?.[0];
    const description = tags.get(tag);
    const title = typeof description === 'string' ? docLines(description)[0] : undefined;
    out.push(
      '',
      `${jsdoc([`\`macha.${resource}\`${title ? `: ${title}` : ''}`], '')}export interface ${type} {`,
      lines.join('\n'),
      '}',
    );
    resourceTypes.push(`  ${resource}: ${type};`);
  }
  out.push(
    '',
    '/** Every resource of the API, by its tag in camelCase. */',
    'export interface Resources {',
    ...resourceTypes,
    '}',
    '',
  );
  return out.join('\n');
}
