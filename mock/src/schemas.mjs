// Ajv (JSON Schema 2020-12) over one bundle: any schema node of the bundle compiles to a validator
// whose local `#/components/...` refs resolve against that bundle, and errors read as one line
// naming the field. Validators are cached per schema node, so each is compiled once.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { absoluteRefs, pointerKey } from '../../scripts/lib/openapi.mjs';

// Both packages are CommonJS with a `default` export; Node's ESM import wraps them once more.
const Ajv2020 = /** @type {any} */ (Ajv2020Module).default ?? Ajv2020Module;
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;
const BUNDLE_ID = 'https://mock.macha.invalid/openapi.json';

/**
 * A validator factory over bundle: `compile(node)` → `(value) => problem | undefined`, where the
 * problem is `<where><field>: <what>` for the first error found.
 * @param {Record<string, any>} bundle
 */
export function createSchemas(bundle) {
  // One Ajv per bundle object: mocks started on the same bundle (a test file starts several)
  // share compiled validators instead of compiling each again.
  const shared = perBundle.get(bundle);
  if (shared) return shared;
  // Not strict: the bundle's schemas carry OpenAPI keywords (example, discriminator, x-...) that
  // are annotations, and a later spec may add more; the spec's own lint checks the keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: BUNDLE_ID, components: bundle.components ?? {} }, undefined, undefined, false);
  /** @type {WeakMap<object, any>} */
  const cache = new WeakMap();

  /**
   * @param {object} node a schema node of the bundle
   * @param {string} where what the value is, for the message: `body`, `query parameter limit`
   */
  function compile(node, where) {
    let validate = /** @type {any} */ (cache.get(node));
    if (!validate) {
      validate = ajv.compile(/** @type {object} */ (absoluteRefs(node, BUNDLE_ID)));
      cache.set(node, validate);
    }
    /** @param {unknown} value @returns {string | undefined} */
    return (value) => (validate(value) ? undefined : describe(where, validate.errors?.[0]));
  }
  const schemas = { compile };
  perBundle.set(bundle, schemas);
  return schemas;
}

/** @type {WeakMap<object, { compile(node: object, where: string): (value: unknown) => string | undefined }>} */
const perBundle = new WeakMap();

/**
 * One Ajv error as `<where>.<field>: <message>`, the field in dotted/bracket form.
 * @param {string} where
 * @param {any} error
 */
export function describe(where, error) {
  if (!error) return `${where} is invalid`;
  let field = String(error.instancePath ?? '')
    .split('/')
    .slice(1)
    .map(pointerKey)
    .map((token) => (/^\d+$/.test(token) ? `[${token}]` : `.${token}`))
    .join('');
  if (error.keyword === 'required') field += `.${error.params.missingProperty}`;
  const extra = error.keyword === 'additionalProperties' ? ` (${error.params.additionalProperty})` : '';
  const allowed = error.keyword === 'enum' ? `: ${error.params.allowedValues.join(', ')}` : '';
  const what = error.keyword === 'required' ? 'is required' : `${error.message}${extra}${allowed}`;
  const name = `${where}${field}`.replace(/^body\./, '');
  return `${name} ${what}`;
}
