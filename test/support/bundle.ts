// The bundled spec and an Ajv (JSON Schema 2020-12) validator over it, independent of Redocly:
// the tests check the spec with a second, stricter implementation.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The bundled OpenAPI document, as `npm run generate` wrote it. */
export const bundle = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;

/** The parts of an OpenAPI document the tests walk. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const BUNDLE_ID = 'https://macha.test/openapi.json';

/** A strict Ajv: unknown keywords are errors, except the OpenAPI ones allowed inside schemas. */
export function createAjv(): Ajv2020 {
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
    validate = ajv.compile(absoluteRefs(schema) as object);
    cache.set(key, validate);
  }
  return validate;
}

/** A copy of a bundle fragment whose local `#/...` refs point into the registered bundle. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, key === '$ref' && typeof child === 'string' && child.startsWith('#') ? BUNDLE_ID + child : absoluteRefs(child)]),
    );
  }
  return value;
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
