// @ts-check
// The types step: generated/schema.ts from the bundle, with openapi-typescript's public API
// (`openapiTS()` and `astToString()`), adding one transform: an "open enum" (anyOf of a string enum
// and a plain string) becomes the union of its known literals. Left alone it would collapse to
// `string`; the usual `"a" | (string & {})` trick does not survive openapi-fetch's Readable<>
// mapping (it turns `string & {}` into an object type on the raw GET/POST surface). The runtime
// passes unknown values through untouched.
//
// Both packages are loaded with require(), through their public entry points (openapi-typescript's
// `exports` has a "require" condition): an ESM import of a CommonJS module makes Node scan its
// source for export names first, seconds of CPU for TypeScript's 9 MB (measured: 2.9 s require vs
// 6.6 s import on the loaded 2-core machine).
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isOpenEnum } from './open-enum.mjs';

const require = createRequire(import.meta.url);
/** @type {typeof import('openapi-typescript')} */
const { default: openapiTS, astToString, COMMENT_HEADER } = require('openapi-typescript');
/** @type {typeof import('typescript')} */
const ts = require('typescript');

/** openapiTS's options: what the CLI's flags in the old `openapi-typescript` command said. */
const OPTIONS = {
  silent: true,
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  // A default is what the server assumes when a field is left out, so it must not make the field required.
  defaultNonNullable: false,
  /** @param {any} schema */
  transform(schema) {
    return isOpenEnum(schema) ? openEnumType(schema.anyOf[0].enum) : undefined;
  },
};

/**
 * The open-enum type node: the union of the known literals.
 * @param {string[]} values
 */
function openEnumType(values) {
  return ts.factory.createUnionTypeNode(
    values.map((value) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(value))),
  );
}

/**
 * The source of the generated types for a bundled OpenAPI document.
 * @param {Record<string, any>} bundle the parsed bundle
 * @returns {Promise<string>}
 */
export async function generateTypes(bundle) {
  // openapiTS walks (and may annotate) what it is given: a copy keeps the pipeline's bundle as read.
  const nodes = await openapiTS(/** @type {any} */ (structuredClone(bundle)), OPTIONS);
  return `${COMMENT_HEADER}${astToString(nodes)}`;
}

/**
 * The pipeline step: writes <scratch>/generated/schema.ts.
 * @param {{ root?: string, bundle: Record<string, any>, scratch: string }} input
 */
export async function types({ bundle, scratch }) {
  const file = path.join(scratch, 'generated', 'schema.ts');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await generateTypes(bundle));
}
