// @ts-check
// The Macha v1 versioning policy as a table: every difference the diff can find has one rule id,
// whether it breaks v1 clients, and the CHANGELOG section it belongs to. The verdicts live here
// and nowhere else, so the README, the gate and the changelog cannot disagree.

/** @typedef {'Added' | 'Changed' | 'Deprecated' | 'Removed'} Section */
/** @typedef {{ breaking: boolean, section: Section, text: string }} Rule */

/** Every rule of the gate, by id. */
export const RULES = /** @type {const} */ ({
  // The document and its operations.
  // Servers: the document's, and an operation's own (path item or operation `servers` override).
  'server-removed': { breaking: true, section: 'Removed', text: 'server URL removed' },
  'server-added': { breaking: false, section: 'Added', text: 'server URL added' },
  'server-variable-value-removed': { breaking: true, section: 'Removed', text: 'server variable value removed' },
  'server-variable-value-added': { breaking: false, section: 'Added', text: 'server variable value added' },
  'server-variable-default-changed': {
    breaking: true,
    section: 'Changed',
    text: 'server variable default changed (clients that leave it out reach another server)',
  },
  'operation-added': { breaking: false, section: 'Added', text: 'new operation' },
  'operation-removed': {
    breaking: true,
    section: 'Removed',
    text: 'operation removed (or its path or method renamed)',
  },
  'operation-id-changed': {
    breaking: true,
    section: 'Changed',
    text: 'operationId changed (it names the generated client types)',
  },
  'operation-deprecated': { breaking: false, section: 'Deprecated', text: 'operation deprecated' },
  'security-changed': { breaking: true, section: 'Changed', text: 'security requirement changed (scheme or scope)' },
  'scope-changed': { breaking: true, section: 'Changed', text: 'required scope changed (x-required-scope)' },
  // Parameters.
  'parameter-added': { breaking: false, section: 'Added', text: 'new optional parameter' },
  'required-parameter-added': { breaking: true, section: 'Added', text: 'new required parameter' },
  'parameter-removed': { breaking: true, section: 'Removed', text: 'parameter removed (or renamed)' },
  'pagination-parameter-removed': {
    breaking: true,
    section: 'Removed',
    text: 'pagination parameter removed (or renamed)',
  },
  'parameter-now-required': { breaking: true, section: 'Changed', text: 'parameter now required' },
  'parameter-now-optional': { breaking: false, section: 'Changed', text: 'parameter now optional' },
  'parameter-deprecated': { breaking: false, section: 'Deprecated', text: 'parameter deprecated' },
  'parameter-serialization-changed': {
    breaking: true,
    section: 'Changed',
    text: 'parameter serialization changed (style, explode or media type)',
  },
  // Request bodies and fields.
  'request-body-added': { breaking: false, section: 'Added', text: 'new optional request body' },
  'required-request-body-added': { breaking: true, section: 'Added', text: 'new required request body' },
  'request-body-removed': { breaking: true, section: 'Removed', text: 'request body removed' },
  'request-body-now-required': { breaking: true, section: 'Changed', text: 'request body now required' },
  'request-body-now-optional': { breaking: false, section: 'Changed', text: 'request body now optional' },
  'request-media-type-added': { breaking: false, section: 'Added', text: 'request media type added' },
  'request-media-type-removed': { breaking: true, section: 'Removed', text: 'request media type removed' },
  'request-field-added': { breaking: false, section: 'Added', text: 'new optional request field' },
  'required-request-field-added': { breaking: true, section: 'Added', text: 'new required request field' },
  'request-field-removed': { breaking: true, section: 'Removed', text: 'request field removed (or renamed)' },
  'request-field-now-required': { breaking: true, section: 'Changed', text: 'request field now required' },
  'request-field-now-optional': { breaking: false, section: 'Changed', text: 'request field now optional' },
  // Responses and their fields.
  'success-status-added': { breaking: true, section: 'Added', text: 'new success status (clients expect the old one)' },
  'error-status-added': { breaking: false, section: 'Added', text: 'new error status' },
  'status-removed': { breaking: true, section: 'Removed', text: 'status code removed (or changed)' },
  'response-media-type-added': { breaking: false, section: 'Added', text: 'response media type added' },
  'response-media-type-removed': { breaking: true, section: 'Removed', text: 'response media type removed' },
  'response-field-added': { breaking: false, section: 'Added', text: 'new response field' },
  'response-field-removed': { breaking: true, section: 'Removed', text: 'response field removed (or renamed)' },
  'response-field-now-optional': { breaking: true, section: 'Changed', text: 'response field no longer required' },
  'response-field-now-required': { breaking: false, section: 'Changed', text: 'response field now always present' },
  'response-header-added': { breaking: false, section: 'Added', text: 'new response header' },
  'response-header-removed': { breaking: true, section: 'Removed', text: 'response header removed (or renamed)' },
  'rate-limit-header-removed': { breaking: true, section: 'Removed', text: 'rate-limit header removed (or renamed)' },
  'response-header-now-optional': { breaking: true, section: 'Changed', text: 'response header no longer required' },
  'response-header-now-required': { breaking: false, section: 'Changed', text: 'response header now always sent' },
  // Values: types, nullability, enums, constraints, defaults.
  'type-changed': { breaking: true, section: 'Changed', text: 'type changed' },
  'request-type-widened': { breaking: false, section: 'Changed', text: 'request field accepts more types' },
  'response-type-narrowed': { breaking: false, section: 'Changed', text: 'response field has fewer types' },
  'response-field-nullable': { breaking: true, section: 'Changed', text: 'response field may now be null' },
  'response-field-not-nullable': { breaking: false, section: 'Changed', text: 'response field is never null any more' },
  'request-field-nullable': { breaking: false, section: 'Changed', text: 'request field now accepts null' },
  'request-field-not-nullable': { breaking: true, section: 'Changed', text: 'request field no longer accepts null' },
  'enum-value-added': { breaking: false, section: 'Added', text: 'enum value added' },
  'enum-value-removed': { breaking: true, section: 'Removed', text: 'enum value removed' },
  'error-code-added': { breaking: false, section: 'Added', text: 'new error code' },
  'error-code-removed': { breaking: true, section: 'Removed', text: 'error code removed (or renamed)' },
  'tighter-constraint': { breaking: true, section: 'Changed', text: 'tighter constraint' },
  'response-tighter-constraint': {
    breaking: false,
    section: 'Changed',
    text: 'tighter constraint on a value clients receive',
  },
  'looser-constraint': { breaking: false, section: 'Changed', text: 'looser constraint' },
  'default-changed': {
    breaking: true,
    section: 'Changed',
    text: 'default changed (requests that leave it out change meaning)',
  },
  'field-deprecated': { breaking: false, section: 'Deprecated', text: 'field deprecated' },
  // oneOf / anyOf alternatives, matched by title or $ref name.
  'request-alternative-added': { breaking: false, section: 'Added', text: 'request accepts another shape' },
  'response-alternative-added': { breaking: true, section: 'Added', text: 'response may have another shape' },
  'alternative-removed': { breaking: true, section: 'Removed', text: 'shape (oneOf/anyOf alternative) removed' },
});

/** @typedef {keyof typeof RULES} RuleId */

/**
 * One difference between two bundles, named by the rule it falls under.
 * @typedef {object} Finding
 * @property {RuleId} rule
 * @property {string} operation `GET /connectors/{id}`, or `(document)` for document-wide changes
 * @property {string} [operationId]
 * @property {string} where `query limit`, `request body $.name`, `response 200 $.data.status`, ...
 * @property {string} [detail] the values involved, e.g. `maximum 100 → 50`
 */

/**
 * Whether a finding breaks v1 clients.
 * @param {Finding} finding
 */
export function isBreaking(finding) {
  return RULES[finding.rule].breaking;
}
