// The bundled spec and an Ajv (JSON Schema 2020-12) validator over it, independent of Redocly:
// the tests check the spec with a second, stricter implementation.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  absoluteRefs,
  type Operation as ModelOperation,
  operations as modelOperations,
  pathMatcher,
  pathRegexSource,
  resolve,
} from '../../scripts/lib/openapi.mjs';

/** The bundled OpenAPI document, as `npm run generate` wrote it. */
export const bundle = JSON.parse(
  readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

/** The parts of an OpenAPI document the tests walk. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const BUNDLE_ID = 'https://macha.test/openapi.json';

/** A strict Ajv: unknown keywords are errors, except the OpenAPI ones allowed inside schemas. */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, strictRequired: false });
  addFormats.default(ajv);
  // OpenAPI's own schema keywords, plus `components`, the bundle root's container of the schemas refs point to.
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs', 'components']);
  // The document itself is registered (not compiled) so that local `#/components/...` refs resolve.
  ajv.addSchema({ $id: BUNDLE_ID, components: { schemas: bundle.components.schemas } }, undefined, undefined, false);
  return ajv;
}

const ajv = createAjv();
const cache = new Map<string, ValidateFunction>();

/** A validator for an inline schema of the bundle (its local refs resolve against the bundle). */
export function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(absoluteRefs(schema, BUNDLE_ID) as object);
    cache.set(key, validate);
  }
  return validate;
}

/** A validator for `components.schemas[name]`. */
export function schemaValidator(name: string): ValidateFunction {
  return ajv.getSchema(`${BUNDLE_ID}#/components/schemas/${name}`) ?? assertNever(name);
}

function assertNever(name: string): never {
  throw new Error(`no schema named ${name} in generated/openapi.json`);
}

/** Ajv's errors as one readable line each. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
}

/** An operation of the bundle with where it lives. */
export interface BundleOperation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** Path-level and operation parameters, refs resolved; the operation's win on the same name and place. */
  parameters: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
  requiredScope: string;
  /** Matches a request path of this operation (compiled once). */
  pathPattern: RegExp;
}

/** The parts of a parameter object the tests read. */
export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Record<string, unknown>;
}

/** The parts of a media type object the tests read. */
export interface MediaTypeObject {
  schema: object;
  examples?: Record<string, { value: unknown }>;
}

/** The parts of a response object the tests read, refs resolved. */
export interface ResponseObject {
  description: string;
  headers: Record<string, { required?: boolean; schema: Record<string, unknown> }>;
  content: Record<string, MediaTypeObject>;
}

/** Follows local `$ref`s (through the one OpenAPI model); any other value is returned as it is. */
export function resolveRef<T>(node: unknown): T {
  return resolve(bundle, node) as T;
}

let operations: BundleOperation[] | undefined;

/** Every operation of the bundle, in document order (read once). */
export function bundleOperations(): BundleOperation[] {
  operations ??= modelOperations(bundle).map(toBundleOperation);
  return operations;
}

/** The tests' view of one operation of the model: responses and their headers resolved. */
function toBundleOperation(found: ModelOperation): BundleOperation {
  const operation = found.operation;
  const responses = Object.fromEntries(
    Object.entries(operation.responses as Record<string, object>).map(([status, response]) => {
      const resolved = resolveRef<ResponseObject>(response);
      const headers = Object.fromEntries(
        Object.entries(resolved.headers ?? {}).map(([name, header]) => [
          name,
          resolveRef<ResponseObject['headers'][string]>(header),
        ]),
      );
      return [status, { ...resolved, headers, content: resolved.content ?? {} }];
    }),
  );
  return {
    operationId: operation.operationId as string,
    method: found.method as BundleOperation['method'],
    path: found.path,
    parameters: found.parameters as ParameterObject[],
    requestBody: operation.requestBody as BundleOperation['requestBody'],
    responses,
    requiredScope: operation['x-required-scope'] as string,
    pathPattern: new RegExp(pathRegexSource(found.path)),
  };
}

/** The operation with this operationId; throws naming the known ones if there is none. */
export function operationById(operationId: string): BundleOperation {
  const found = bundleOperations().find((operation) => operation.operationId === operationId);
  if (!found)
    throw new Error(
      `no operation ${operationId} in generated/openapi.json (known: ${bundleOperations()
        .map((o) => o.operationId)
        .join(', ')})`,
    );
  return found;
}

let match: ReturnType<typeof pathMatcher> | undefined;

/** The operation a request's method and path name (the model's matcher), or undefined. */
export function operationFor(method: string, pathname: string): BundleOperation | undefined {
  match ??= pathMatcher(bundle);
  const found = match(method, pathname);
  return found && bundleOperations().find((operation) => operation.operationId === found.operation.operationId);
}

/** What a received response carried: its status, headers and raw body text. */
export interface ReceivedResponse {
  status: number;
  headers: Headers;
  bodyText: string;
}

/**
 * Checks a received response against the bundle's response object for its status: every declared
 * header (present when required, valid against its schema) and the JSON body against its schema.
 * Returns one readable line per problem, naming the operation, status and place.
 */
export function responseProblems(operation: BundleOperation, received: ReceivedResponse): string[] {
  const where = `${operation.operationId} ${received.status}`;
  const declared = operation.responses[String(received.status)];
  if (!declared)
    return [`${where}: status not declared in the spec (declared: ${Object.keys(operation.responses).join(', ')})`];
  const problems: string[] = [];
  for (const [name, header] of Object.entries(declared.headers)) {
    const raw = received.headers.get(name);
    if (raw === null) {
      if (header.required) problems.push(`${where}: required header ${name} is missing`);
      continue;
    }
    // Header values are text; an integer header must be written as one, then checked as a number.
    const value = header.schema.type === 'integer' ? (/^-?\d+$/.test(raw) ? Number(raw) : raw) : raw;
    const validate = validatorFor(header.schema);
    if (!validate(value)) problems.push(`${where}: header ${name}: ${JSON.stringify(raw)} ${describeErrors(validate)}`);
  }
  const media = declared.content['application/json'];
  if (!media) return problems;
  const contentType = received.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/json'))
    problems.push(`${where}: content-type is ${JSON.stringify(contentType)}, not application/json`);
  let body: unknown;
  try {
    body = JSON.parse(received.bodyText);
  } catch {
    return [...problems, `${where}: body is not JSON: ${JSON.stringify(received.bodyText.slice(0, 80))}`];
  }
  const validate = validatorFor(media.schema);
  if (!validate(body)) problems.push(`${where}: body ${describeErrors(validate)}`);
  return problems;
}
