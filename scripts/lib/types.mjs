// @ts-check
// Generates the TypeScript types from the bundled spec with openapi-typescript's API, adding one
// transform: an "open enum" (anyOf of a string enum and a plain string) becomes the union of its
// known literals. Left alone it would collapse to `string`; the usual `"a" | (string & {})` trick
// does not survive openapi-fetch's Readable<> mapping (it turns `string & {}` into an object type
// on the raw GET/POST surface). The runtime passes unknown values through untouched.
import { createRequire } from 'node:module';
import { isOpenEnum } from './open-enum.mjs';

// require(), not import: Node imports a CommonJS package from ESM only after scanning its source
// for exports (and, for typescript.js, for ESM syntax), a second of CPU for TypeScript's 9 MB.
const require = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = require('typescript');
/** @type {typeof import('openapi-typescript')} */
const { default: openapiTS, astToString, COMMENT_HEADER } = require('openapi-typescript');

/**
 * The open-enum type node: the union of the known literals.
 * @param {string[]} values
 */
function openEnumType(values) {
  return ts.factory.createUnionTypeNode(values.map((value) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(value))));
}

/**
 * Returns the source of the generated types for a bundled OpenAPI document.
 * @param {Record<string, unknown>} bundle the parsed bundle
 * @returns {Promise<string>}
 */
export async function generateTypes(bundle) {
  const nodes = await openapiTS(/** @type {any} */ (bundle), {
    silent: true,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    // A default is what the server assumes when a field is left out, so it must not make the field required.
    defaultNonNullable: false,
    transform(schema) {
      return isOpenEnum(schema) ? openEnumType(/** @type {any} */ (schema).anyOf[0].enum) : undefined;
    },
  });
  return `${COMMENT_HEADER}${astToString(nodes)}`;
}
