// @ts-check
// The spec's "open enum" idiom, recognised by the type generator and by the breaking-change gate.
// Kept apart from types.mjs so that the gate does not load TypeScript to ask this question.

/**
 * Whether a schema is the spec's open-enum form: anyOf [{type: string, enum}, {type: string}].
 * @param {any} schema
 * @returns {boolean}
 */
export function isOpenEnum(schema) {
  const branches = schema?.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return false;
  const [known, other] = branches;
  return (
    known?.type === 'string' &&
    Array.isArray(known.enum) &&
    known.enum.every((/** @type {unknown} */ value) => typeof value === 'string') &&
    other?.type === 'string' &&
    other.enum === undefined &&
    other.pattern === undefined &&
    other.const === undefined
  );
}
