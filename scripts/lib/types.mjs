// @ts-check
// Generates the TypeScript types from the bundled spec with openapi-typescript's API, adding one
// transform: an "open enum" (anyOf of a string enum and a plain string) becomes
// `"a" | "b" | (string & {})`, which accepts any string yet keeps the known literals in editors.
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import ts from 'typescript';
import { isOpenEnum } from './open-enum.mjs';

/**
 * The open-enum type node: the known literals, then `string & {}` so any other string fits too.
 * @param {string[]} values
 */
function openEnumType(values) {
  const literals = values.map((value) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(value)));
  const anyString = ts.factory.createIntersectionTypeNode([
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
    ts.factory.createTypeLiteralNode([]),
  ]);
  return ts.factory.createUnionTypeNode([...literals, anyString]);
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
