// @ts-check
// The Macha v1 versioning policy as a table: each row is one edit an API engineer could make to the
// spec, applied to a copy of the bundle, with every change the gate must report and its verdict.
// Both sides of each rule are here, and renames that look like additions. Plain JavaScript so that
// the table test (vitest) and the redocly-diff evaluation (node) read the same rows.

/** @typedef {Record<string, any>} Json a bundle, edited freely as JSON */

/**
 * @typedef {object} PolicyRow
 * @property {string} edit what the API engineer did
 * @property {(doc: Json) => void} [base] applied to both sides first, to set up a state the spec lacks
 * @property {(doc: Json) => void} change
 * @property {'breaking' | 'additive' | 'none'} verdict
 * @property {string[]} changes `verdict operation | where | rule`, one per change the gate must report
 */

const LIST = 'GET /connectors';
const GET = 'GET /connectors/{id}';
const CREATE = 'POST /agents';

// A component shared by several operations surfaces once per operation that reaches it: the gate
// reports where a client meets the change. These are the operations each shared component reaches.

/** The responses whose data is an Agent: created, retrieved and updated. */
const AGENT_RESPONSES = [
  `${CREATE} | response 201`,
  'GET /agents/{id} | response 200',
  'PATCH /agents/{id} | response 200',
];
/** The request bodies that carry DataSourceRef (agent create and update). */
const AGENT_BODIES = [CREATE, 'PATCH /agents/{id}'];
/** The responses that carry a ToolType besides a connector's tools: the custom tools. */
const CUSTOM_TOOL_RESPONSES = [
  'GET /custom_tools | response 200 $.data[*]',
  'GET /custom_tools/{id} | response 200 $.data',
  'PATCH /custom_tools/{id} | response 200 $.data',
  'POST /custom_tools | response 201 $.data',
];
/** The request bodies that carry a ToolType. */
const CUSTOM_TOOL_BODIES = ['PATCH /custom_tools/{id}', 'POST /custom_tools'];
/** The lists that take the shared Limit parameter. */
const LIMIT_LISTS = [
  'GET /agents',
  'GET /analytics/agents/{agent_id}',
  LIST,
  'GET /conversations',
  'GET /custom_tools',
  'GET /sources',
];
/** The lists that take the shared Cursor parameter (the messages list has a limit of its own). */
const CURSOR_LISTS = [...LIMIT_LISTS, 'GET /conversations/{id}/messages'];
/** The writes that take the shared Idempotency-Key header. */
const IDEMPOTENT = [CREATE, 'PATCH /agents/{id}', 'PATCH /custom_tools/{id}', 'POST /custom_tools', 'POST /sources'];
/** Every operation with its error statuses, which all carry an ErrorCode (GET / is public: no 401, 403). */
const ERROR_STATUSES = {
  'GET /': '400, 429, 500, 503',
  'GET /org': '400, 401, 403, 429, 500, 503',
  'GET /team': '400, 401, 403, 429, 500, 503',
  'GET /agents': '400, 401, 403, 422, 429, 500, 503',
  [LIST]: '400, 401, 403, 422, 429, 500, 503',
  'GET /conversations': '400, 401, 403, 422, 429, 500, 503',
  'GET /custom_tools': '400, 401, 403, 422, 429, 500, 503',
  'GET /sources': '400, 401, 403, 422, 429, 500, 503',
  'GET /agents/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  'GET /analytics/agents/{agent_id}': '400, 401, 403, 404, 422, 429, 500, 503',
  'GET /chatbots/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  [GET]: '400, 401, 403, 404, 422, 429, 500, 503',
  'GET /conversations/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  'GET /conversations/{id}/messages': '400, 401, 403, 404, 422, 429, 500, 503',
  'GET /custom_tools/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  'GET /sources/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  'DELETE /agents/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  'DELETE /custom_tools/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  'DELETE /sources/{id}': '400, 401, 403, 404, 422, 429, 500, 503',
  [CREATE]: '400, 401, 403, 409, 422, 429, 500, 503',
  'POST /custom_tools': '400, 401, 403, 409, 422, 429, 500, 503',
  'POST /sources': '400, 401, 403, 409, 422, 429, 500, 503',
  'PATCH /agents/{id}': '400, 401, 403, 404, 409, 422, 429, 500, 503',
  'PATCH /custom_tools/{id}': '400, 401, 403, 404, 409, 422, 429, 500, 503',
};
/** Every operation: each one answers 429 with the shared TooManyRequests response. */
const EVERY_OPERATION = Object.keys(ERROR_STATUSES);

/**
 * A schema of the bundle, failing clearly when the fixture no longer matches the spec.
 * @param {Json} doc
 * @param {string} name
 * @returns {Json}
 */
function schema(doc, name) {
  const found = doc.components.schemas[name];
  if (!found) throw new Error(`fixture is stale: no schema ${name} in the bundle`);
  return found;
}

/** The object part of AgentCreate (allOf[0]), where the request body's fields are. */
const agentCreate = (/** @type {Json} */ doc) => schema(doc, 'AgentCreate').allOf[0];
/** Tool, a schema only responses use. */
const tool = (/** @type {Json} */ doc) => schema(doc, 'Tool');
const without = (/** @type {string[]} */ list, /** @type {string} */ name) => list.filter((item) => item !== name);

/**
 * Renames a property, keeping it required if it was.
 * @param {Json} target
 * @param {string} from
 * @param {string} to
 */
function renameProperty(target, from, to) {
  target.properties[to] = target.properties[from];
  delete target.properties[from];
  if (target.required?.includes(from))
    target.required = target.required.map((/** @type {string} */ name) => (name === from ? to : name));
}

/**
 * The rows the table started with (56), before the held-out edits of issue 17.
 * @type {PolicyRow[]}
 */
const FIRST_ROWS = [
  // Response fields.
  {
    edit: 'response field removed',
    change: (d) => {
      delete tool(d).properties.label;
      tool(d).required = without(tool(d).required, 'label');
    },
    verdict: 'breaking',
    changes: [`breaking ${GET} | response 200 $.data.tools[*].label | response-field-removed`],
  },
  {
    edit: 'response field renamed (an addition plus a removal)',
    change: (d) => renameProperty(tool(d), 'label', 'display_name'),
    verdict: 'breaking',
    changes: [
      `breaking ${GET} | response 200 $.data.tools[*].label | response-field-removed`,
      `info ${GET} | response 200 $.data.tools[*].display_name | response-field-added`,
    ],
  },
  {
    edit: 'response field added',
    change: (d) => (tool(d).properties.category = { type: 'string' }),
    verdict: 'additive',
    changes: [`info ${GET} | response 200 $.data.tools[*].category | response-field-added`],
  },
  {
    edit: 'response field no longer required',
    change: (d) => (schema(d, 'ConnectorDetail').allOf[1].required = ['tools']),
    verdict: 'breaking',
    changes: [`breaking ${GET} | response 200 $.data.status_reason | response-field-now-optional`],
  },
  {
    edit: 'response field now always present (already so in the detail shape)',
    change: (d) => schema(d, 'Connector').required.push('status_reason'),
    verdict: 'additive',
    changes: [`info ${LIST} | response 200 $.data[*].status_reason | response-field-now-required`],
  },
  {
    edit: 'response field of another type',
    change: (d) => (schema(d, 'Agent').properties.tools_count.type = 'string'),
    verdict: 'breaking',
    changes: AGENT_RESPONSES.map((at) => `breaking ${at} $.data.tools_count | type-changed`),
  },
  {
    edit: 'response field may now be null',
    change: (d) => (schema(d, 'Agent').properties.name.type = ['string', 'null']),
    verdict: 'breaking',
    changes: AGENT_RESPONSES.map((at) => `breaking ${at} $.data.name | response-field-nullable`),
  },
  {
    edit: 'response field never null any more',
    change: (d) => (schema(d, 'Agent').properties.description.type = 'string'),
    verdict: 'additive',
    changes: AGENT_RESPONSES.map((at) => `info ${at} $.data.description | response-field-not-nullable`),
  },
  // Enums in responses (the spec's open enums).
  {
    edit: 'new value in a response enum',
    change: (d) => schema(d, 'ConnectorStatus').anyOf[0].enum.push('paused'),
    verdict: 'additive',
    changes: [
      `info ${LIST} | response 200 $.data[*].status | enum-value-added`,
      `info ${GET} | response 200 $.data.status | enum-value-added`,
    ],
  },
  {
    edit: 'value removed from a response enum (open enum too)',
    change: (d) => (schema(d, 'ConnectorStatus').anyOf[0].enum = ['connected', 'auth_failed']),
    verdict: 'breaking',
    changes: [
      `breaking ${LIST} | response 200 $.data[*].status | enum-value-removed`,
      `breaking ${GET} | response 200 $.data.status | enum-value-removed`,
    ],
  },
  {
    edit: 'response enum value renamed (looks like an addition)',
    change: (d) => (schema(d, 'ToolType').anyOf[0].enum = ['read', 'mutate']),
    verdict: 'breaking',
    changes: [
      `breaking ${GET} | response 200 $.data.tools[*].type | enum-value-removed`,
      `info ${GET} | response 200 $.data.tools[*].type | enum-value-added`,
      ...[
        ...CUSTOM_TOOL_RESPONSES.map((at) => `${at}.type`),
        ...CUSTOM_TOOL_BODIES.map((op) => `${op} | request body $.type`),
      ].flatMap((at) => [`breaking ${at} | enum-value-removed`, `info ${at} | enum-value-added`]),
    ],
  },
  {
    edit: 'open response enum closed (a tighter constraint on a value clients receive)',
    change: (d) => (tool(d).properties.type = { type: 'string', enum: ['read', 'write'] }),
    verdict: 'additive',
    changes: [`info ${GET} | response 200 $.data.tools[*].type | response-tighter-constraint`],
  },
  {
    edit: 'new error code',
    change: (d) => schema(d, 'ErrorCode').anyOf[0].enum.push('conflict'),
    verdict: 'additive',
    changes: Object.entries(ERROR_STATUSES).map(
      ([operation, statuses]) => `info ${operation} | response ${statuses} $.error.code | error-code-added`,
    ),
  },
  {
    edit: 'error code removed',
    change: (d) =>
      (schema(d, 'ErrorCode').anyOf[0].enum = without(schema(d, 'ErrorCode').anyOf[0].enum, 'agent_handle_taken')),
    verdict: 'breaking',
    changes: Object.entries(ERROR_STATUSES).map(
      ([operation, statuses]) => `breaking ${operation} | response ${statuses} $.error.code | error-code-removed`,
    ),
  },
  // Request fields.
  {
    edit: 'new optional request field',
    change: (d) => (agentCreate(d).properties.temperature = { type: 'number' }),
    verdict: 'additive',
    changes: [`info ${CREATE} | request body $.temperature | request-field-added`],
  },
  {
    edit: 'new required request field',
    change: (d) => {
      agentCreate(d).properties.workspace = { type: 'string' };
      agentCreate(d).required.push('workspace');
    },
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.workspace | required-request-field-added`],
  },
  {
    edit: 'optional request field renamed (looks like an addition)',
    change: (d) => renameProperty(agentCreate(d), 'avatar', 'icon'),
    verdict: 'breaking',
    changes: [
      `breaking ${CREATE} | request body $.avatar | request-field-removed`,
      `info ${CREATE} | request body $.icon | request-field-added`,
    ],
  },
  {
    edit: 'request field now required',
    change: (d) => agentCreate(d).required.push('model'),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.model | request-field-now-required`],
  },
  {
    edit: 'request field now optional',
    change: (d) => (agentCreate(d).required = ['handle']),
    verdict: 'additive',
    changes: [`info ${CREATE} | request body $.name | request-field-now-optional`],
  },
  {
    edit: 'request field no longer accepts null',
    change: (d) => (agentCreate(d).properties.description.type = 'string'),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.description | request-field-not-nullable`],
  },
  {
    edit: 'request field accepts another type as well',
    change: (d) => (agentCreate(d).properties.include_system_prompt.type = ['boolean', 'string']),
    verdict: 'additive',
    changes: [`info ${CREATE} | request body $.include_system_prompt | request-type-widened`],
  },
  {
    edit: 'request field of another type',
    change: (d) => (agentCreate(d).properties.include_system_prompt.type = 'string'),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.include_system_prompt | type-changed`],
  },
  // Constraints.
  {
    edit: 'tighter: a request field gets a maxLength',
    change: (d) => (agentCreate(d).properties.name.maxLength = 80),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.name | tighter-constraint`],
  },
  {
    edit: 'tighter: a lower maxLength',
    base: (d) => (agentCreate(d).properties.name.maxLength = 200),
    change: (d) => (agentCreate(d).properties.name.maxLength = 100),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.name | tighter-constraint`],
  },
  {
    edit: 'looser: a higher maxLength',
    base: (d) => (agentCreate(d).properties.name.maxLength = 200),
    change: (d) => (agentCreate(d).properties.name.maxLength = 400),
    verdict: 'additive',
    changes: [`info ${CREATE} | request body $.name | looser-constraint`],
  },
  {
    edit: 'tighter: a new pattern on a request field',
    change: (d) => (agentCreate(d).properties.model.pattern = '^[a-z0-9.-]+$'),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.model | tighter-constraint`],
  },
  {
    edit: 'looser: a pattern removed (from a schema sent and received)',
    change: (d) => delete schema(d, 'AgentHandle').pattern,
    verdict: 'additive',
    changes: [
      ...AGENT_BODIES.map((op) => `info ${op} | request body $.handle | looser-constraint`),
      ...AGENT_RESPONSES.map((at) => `info ${at} $.data.handle | looser-constraint`),
      'info GET /agents | response 200 $.data[*].handle | looser-constraint',
    ],
  },
  {
    edit: 'tighter: a query parameter minimum raised',
    change: (d) => (d.components.parameters.Limit.schema.minimum = 5),
    verdict: 'breaking',
    changes: LIMIT_LISTS.map((op) => `breaking ${op} | query limit | tighter-constraint`),
  },
  {
    edit: 'looser: a query parameter maximum raised',
    change: (d) => (d.components.parameters.Limit.schema.maximum = 500),
    verdict: 'additive',
    changes: LIMIT_LISTS.map((op) => `info ${op} | query limit | looser-constraint`),
  },
  // Enums and shapes in requests.
  {
    edit: 'new enum value in a request field',
    change: (d) => {
      const scope = schema(d, 'DataSourceRef').oneOf[0].properties.scope;
      delete scope.const;
      scope.enum = ['all', 'everything'];
    },
    verdict: 'additive',
    changes: AGENT_BODIES.map(
      (op) => `info ${op} | request body $.data_sources[*]<All documents>.scope | enum-value-added`,
    ),
  },
  {
    edit: 'enum value removed from a request field',
    base: (d) => {
      const scope = schema(d, 'DataSourceRef').oneOf[0].properties.scope;
      delete scope.const;
      scope.enum = ['all', 'everything'];
    },
    change: (d) => (schema(d, 'DataSourceRef').oneOf[0].properties.scope.enum = ['all']),
    verdict: 'breaking',
    changes: AGENT_BODIES.map(
      (op) => `breaking ${op} | request body $.data_sources[*]<All documents>.scope | enum-value-removed`,
    ),
  },
  {
    edit: 'looser: a request enum dropped (any value accepted)',
    base: (d) => (agentCreate(d).properties.model.enum = ['gpt-5.4', 'gpt-5-mini']),
    change: (d) => delete agentCreate(d).properties.model.enum,
    verdict: 'additive',
    changes: [`info ${CREATE} | request body $.model | looser-constraint`],
  },
  {
    edit: 'tighter: a request field limited to an enum',
    change: (d) => (agentCreate(d).properties.model.enum = ['gpt-5.4', 'gpt-5-mini']),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.model | tighter-constraint`],
  },
  {
    edit: 'request shape (oneOf alternative) removed',
    change: (d) => schema(d, 'DataSourceRef').oneOf.pop(),
    verdict: 'breaking',
    changes: AGENT_BODIES.map((op) => `breaking ${op} | request body $.data_sources[*] | alternative-removed`),
  },
  {
    edit: 'request shape (oneOf alternative) added',
    change: (d) =>
      schema(d, 'DataSourceRef').oneOf.push({
        title: 'Shared folder',
        type: 'object',
        required: ['folder'],
        properties: { folder: { type: 'string' } },
      }),
    verdict: 'additive',
    changes: AGENT_BODIES.map((op) => `info ${op} | request body $.data_sources[*] | request-alternative-added`),
  },
  // Parameters and pagination.
  {
    edit: 'new optional query parameter',
    change: (d) =>
      d.paths['/connectors'].get.parameters.push({
        name: 'type',
        in: 'query',
        required: false,
        schema: { type: 'string' },
      }),
    verdict: 'additive',
    changes: [`info ${LIST} | query type | parameter-added`],
  },
  {
    edit: 'new required query parameter',
    change: (d) =>
      d.paths['/connectors'].get.parameters.push({
        name: 'type',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    verdict: 'breaking',
    changes: [`breaking ${LIST} | query type | required-parameter-added`],
  },
  {
    edit: 'pagination parameter renamed (looks like an addition)',
    change: (d) => (d.components.parameters.Cursor.name = 'after'),
    verdict: 'breaking',
    changes: CURSOR_LISTS.flatMap((op) => [
      `breaking ${op} | query cursor | pagination-parameter-removed`,
      `info ${op} | query after | parameter-added`,
    ]),
  },
  {
    edit: 'pagination default changed',
    change: (d) => (d.components.parameters.Limit.schema.default = 50),
    verdict: 'breaking',
    changes: LIMIT_LISTS.map((op) => `breaking ${op} | query limit | default-changed`),
  },
  {
    edit: 'optional header parameter now required',
    change: (d) => (d.components.parameters.IdempotencyKey.required = true),
    verdict: 'breaking',
    changes: IDEMPOTENT.map((op) => `breaking ${op} | header Idempotency-Key | parameter-now-required`),
  },
  {
    edit: 'parameter removed',
    change: (d) => (d.paths['/agents'].post.parameters = []),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | header Idempotency-Key | parameter-removed`],
  },
  // Statuses, scopes, headers.
  {
    edit: 'success status changed (201 to 200)',
    change: (d) => {
      const responses = d.paths['/agents'].post.responses;
      responses['200'] = responses['201'];
      delete responses['201'];
    },
    verdict: 'breaking',
    changes: [
      `breaking ${CREATE} | response 201 | status-removed`,
      `breaking ${CREATE} | response 200 | success-status-added`,
    ],
  },
  {
    edit: 'new error status on an operation',
    change: (d) => (d.paths['/connectors'].get.responses['404'] = { $ref: '#/components/responses/NotFound' }),
    verdict: 'additive',
    changes: [`info ${LIST} | response 404 | error-status-added`],
  },
  {
    edit: 'error status removed from an operation',
    change: (d) => delete d.paths['/agents'].post.responses['409'],
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | response 409 | status-removed`],
  },
  {
    edit: 'scope changed (x-required-scope and the security role together)',
    change: (d) => {
      d.paths['/agents'].post['x-required-scope'] = 'agents:admin';
      d.paths['/agents'].post.security = [{ BearerAuth: ['agents:admin'] }];
    },
    verdict: 'breaking',
    changes: [
      `breaking ${CREATE} | security | security-changed`,
      `breaking ${CREATE} | x-required-scope | scope-changed`,
    ],
  },
  {
    edit: 'rate-limit header renamed (looks like an addition)',
    change: (d) =>
      renameProperty(
        { properties: d.components.responses.TooManyRequests.headers },
        'X-RateLimit-Reset',
        'X-RateLimit-Reset-At',
      ),
    verdict: 'breaking',
    changes: EVERY_OPERATION.flatMap((operation) => [
      `breaking ${operation} | response 429 header X-RateLimit-Reset | rate-limit-header-removed`,
      `info ${operation} | response 429 header X-RateLimit-Reset-At | response-header-added`,
    ]),
  },
  {
    edit: 'response header no longer required',
    change: (d) => (d.components.headers.RetryAfter.required = false),
    verdict: 'breaking',
    changes: EVERY_OPERATION.map(
      (operation) => `breaking ${operation} | response 429 header Retry-After | response-header-now-optional`,
    ),
  },
  {
    edit: 'new response header',
    change: (d) => (d.paths['/agents'].post.responses['201'].headers['X-Trace-Id'] = { schema: { type: 'string' } }),
    verdict: 'additive',
    changes: [`info ${CREATE} | response 201 header X-Trace-Id | response-header-added`],
  },
  // Operations and the document.
  {
    edit: 'new operation',
    change: (d) =>
      (d.paths['/chatbots'] = { get: { operationId: 'listChatbots', summary: 'List chatbots', responses: {} } }),
    verdict: 'additive',
    changes: ['info GET /chatbots | operation | operation-added'],
  },
  {
    edit: 'operation removed',
    change: (d) => delete d.paths['/connectors/{id}'],
    verdict: 'breaking',
    changes: [`breaking ${GET} | operation | operation-removed`],
  },
  {
    edit: 'path renamed (looks like an addition)',
    change: (d) => {
      d.paths['/integrations/{id}'] = d.paths['/connectors/{id}'];
      delete d.paths['/connectors/{id}'];
    },
    verdict: 'breaking',
    changes: [
      `breaking ${GET} | operation | operation-removed`,
      'info GET /integrations/{id} | operation | operation-added',
    ],
  },
  {
    edit: 'path parameter renamed in the URL template (same URL, new typed-client name)',
    change: (d) => {
      const item = d.paths['/connectors/{id}'];
      item.parameters = [{ ...d.components.parameters.ConnectorIdPath, name: 'connectorId' }];
      d.paths['/connectors/{connectorId}'] = item;
      delete d.paths['/connectors/{id}'];
    },
    verdict: 'breaking',
    changes: [
      'breaking GET /connectors/{connectorId} | path id | parameter-removed',
      'breaking GET /connectors/{connectorId} | path connectorId | required-parameter-added',
    ],
  },
  {
    edit: 'operationId changed',
    change: (d) => (d.paths['/connectors/{id}'].get.operationId = 'retrieveConnector'),
    verdict: 'breaking',
    changes: [`breaking ${GET} | operationId | operation-id-changed`],
  },
  {
    edit: 'operation deprecated',
    change: (d) => (d.paths['/connectors'].get.deprecated = true),
    verdict: 'additive',
    changes: [`info ${LIST} | operation | operation-deprecated`],
  },
  {
    edit: 'server URL changed',
    change: (d) => (d.servers[0].url = 'https://api.getmacha.com/v1'),
    verdict: 'breaking',
    changes: ['breaking (document) | servers | server-removed', 'info (document) | servers | server-added'],
  },
  {
    edit: 'documentation only (descriptions, summaries, examples)',
    change: (d) => {
      d.paths['/connectors'].get.summary = 'List every connector';
      tool(d).description = 'A tool.';
      d.paths['/connectors/{id}'].get.responses['200'].content['application/json'].examples = {};
    },
    verdict: 'none',
    changes: [],
  },
];

const PROD = 'https://dashboard.getmacha.com/api/v1';
const EU = 'https://eu.dashboard.getmacha.com/api/v1';

/** The held-out edits the gate missed (issue 17), each with the policy's verdict. */
const HELD_OUT_ROWS = /** @type {PolicyRow[]} */ ([
  {
    edit: 'held out: dependentRequired added to AgentCreate',
    change: (d) => (schema(d, 'AgentCreate').dependentRequired = { instructions_html: ['description'] }),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body | tighter-constraint`],
  },
  {
    edit: 'held out: not added to a request schema',
    change: (d) => (agentCreate(d).properties.model.not = { const: 'gpt-3.5-turbo' }),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body $.model | tighter-constraint`],
  },
  {
    edit: 'held out: propertyNames added to a request body',
    change: (d) => (agentCreate(d).propertyNames = { pattern: '^[a-z_]+$' }),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | request body | tighter-constraint`],
  },
  {
    edit: 'held out: an operation-level servers override',
    change: (d) => (d.paths['/agents'].post.servers = [{ url: EU }]),
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | servers | server-removed`, `info ${CREATE} | servers | server-added`],
  },
  {
    edit: 'held out: a response-only maxLength lowered (128 to 64)',
    change: (d) => (tool(d).properties.name.maxLength = 64),
    verdict: 'additive',
    changes: [`info ${GET} | response 200 $.data.tools[*].name | response-tighter-constraint`],
  },
]);

/** Servers at every level: the document's, a path item's and an operation's, and their variables. */
const SERVER_ROWS = /** @type {PolicyRow[]} */ ([
  {
    edit: 'servers: a document server added',
    change: (d) => d.servers.push({ url: EU }),
    verdict: 'additive',
    changes: ['info (document) | servers | server-added'],
  },
  {
    edit: 'servers: a path-item override that drops the document server',
    change: (d) => (d.paths['/connectors'].servers = [{ url: EU }]),
    verdict: 'breaking',
    changes: [`breaking ${LIST} | servers | server-removed`, `info ${LIST} | servers | server-added`],
  },
  {
    edit: 'servers: a path-item override that adds a server',
    change: (d) => (d.paths['/connectors'].servers = [{ url: PROD }, { url: EU }]),
    verdict: 'additive',
    changes: [`info ${LIST} | servers | server-added`],
  },
  {
    edit: 'servers: an operation override that adds a server',
    base: (d) => (d.paths['/agents'].post.servers = [{ url: PROD }]),
    change: (d) => d.paths['/agents'].post.servers.push({ url: EU }),
    verdict: 'additive',
    changes: [`info ${CREATE} | servers | server-added`],
  },
  {
    edit: 'servers: an operation override with an extra server removed',
    base: (d) => (d.paths['/agents'].post.servers = [{ url: PROD }, { url: EU }]),
    change: (d) => delete d.paths['/agents'].post.servers,
    verdict: 'breaking',
    changes: [`breaking ${CREATE} | servers | server-removed`],
  },
  {
    edit: 'servers: a server variable value removed',
    base: (d) =>
      (d.servers = [
        { url: 'https://{region}.getmacha.com/api/v1', variables: { region: { default: 'us', enum: ['us', 'eu'] } } },
      ]),
    change: (d) => (d.servers[0].variables.region.enum = ['us']),
    verdict: 'breaking',
    changes: ['breaking (document) | servers | server-variable-value-removed'],
  },
  {
    edit: 'servers: a server variable value added',
    base: (d) =>
      (d.servers = [
        { url: 'https://{region}.getmacha.com/api/v1', variables: { region: { default: 'us', enum: ['us'] } } },
      ]),
    change: (d) => d.servers[0].variables.region.enum.push('eu'),
    verdict: 'additive',
    changes: ['info (document) | servers | server-variable-value-added'],
  },
  {
    edit: 'servers: a server variable default changed',
    base: (d) =>
      (d.servers = [
        { url: 'https://{region}.getmacha.com/api/v1', variables: { region: { default: 'us', enum: ['us', 'eu'] } } },
      ]),
    change: (d) => (d.servers[0].variables.region.default = 'eu'),
    verdict: 'breaking',
    changes: ['breaking (document) | servers | server-variable-default-changed'],
  },
]);

/** Parameters: how they are serialized, and schemas given through `content`. */
const PARAMETER_ROWS = /** @type {PolicyRow[]} */ ([
  {
    edit: 'parameters: an array query parameter no longer exploded',
    base: (d) =>
      d.paths['/connectors'].get.parameters.push({
        name: 'ids',
        in: 'query',
        schema: { type: 'array', items: { type: 'string' } },
      }),
    change: (d) => (d.paths['/connectors'].get.parameters.at(-1).explode = false),
    verdict: 'breaking',
    changes: [`breaking ${LIST} | query ids | parameter-serialization-changed`],
  },
  {
    edit: 'parameters: a path parameter style changed (simple to label)',
    change: (d) => (d.components.parameters.ConnectorIdPath.style = 'label'),
    verdict: 'breaking',
    changes: [`breaking ${GET} | path id | parameter-serialization-changed`],
  },
  {
    edit: 'parameters: a tighter schema in a content parameter',
    base: (d) =>
      d.paths['/connectors'].get.parameters.push({
        name: 'filter',
        in: 'query',
        content: { 'application/json': { schema: { type: 'object', maxProperties: 4 } } },
      }),
    change: (d) => (d.paths['/connectors'].get.parameters.at(-1).content['application/json'].schema.maxProperties = 2),
    verdict: 'breaking',
    changes: [`breaking ${LIST} | query filter | tighter-constraint`],
  },
  {
    edit: 'parameters: a looser schema in a content parameter',
    base: (d) =>
      d.paths['/connectors'].get.parameters.push({
        name: 'filter',
        in: 'query',
        content: { 'application/json': { schema: { type: 'object', maxProperties: 2 } } },
      }),
    change: (d) => (d.paths['/connectors'].get.parameters.at(-1).content['application/json'].schema.maxProperties = 4),
    verdict: 'additive',
    changes: [`info ${LIST} | query filter | looser-constraint`],
  },
]);

/**
 * Every JSON Schema 2020-12 keyword that constrains a value, as a looser and a tighter schema of
 * one field. `findings` is how many lines one edit gives (if/then: the `if` and the `then`), `at`
 * the JSON path below the field where the change is reported.
 * @type {{ keyword: string, loose: Json, tight: Json, findings?: number, at?: string }[]}
 */
export const KEYWORD_CASES = [
  { keyword: 'maxLength', loose: { type: 'string', maxLength: 128 }, tight: { type: 'string', maxLength: 64 } },
  { keyword: 'minLength', loose: { type: 'string', minLength: 1 }, tight: { type: 'string', minLength: 2 } },
  { keyword: 'pattern', loose: { type: 'string' }, tight: { type: 'string', pattern: '^[a-z]+$' } },
  { keyword: 'format', loose: { type: 'string' }, tight: { type: 'string', format: 'email' } },
  { keyword: 'const', loose: { type: 'string' }, tight: { type: 'string', const: 'a' } },
  { keyword: 'enum', loose: { type: 'string' }, tight: { type: 'string', enum: ['a', 'b'] } },
  { keyword: 'minimum', loose: { type: 'number', minimum: 0 }, tight: { type: 'number', minimum: 1 } },
  { keyword: 'maximum', loose: { type: 'number', maximum: 100 }, tight: { type: 'number', maximum: 50 } },
  {
    keyword: 'exclusiveMinimum',
    loose: { type: 'number', exclusiveMinimum: 0 },
    tight: { type: 'number', exclusiveMinimum: 1 },
  },
  {
    keyword: 'exclusiveMaximum',
    loose: { type: 'number', exclusiveMaximum: 100 },
    tight: { type: 'number', exclusiveMaximum: 50 },
  },
  { keyword: 'multipleOf', loose: { type: 'number', multipleOf: 2 }, tight: { type: 'number', multipleOf: 4 } },
  { keyword: 'type', loose: { type: ['string', 'null'] }, tight: { type: 'string' } },
  {
    keyword: 'minItems',
    loose: { type: 'array', items: { type: 'string' }, minItems: 0 },
    tight: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  {
    keyword: 'maxItems',
    loose: { type: 'array', items: { type: 'string' }, maxItems: 10 },
    tight: { type: 'array', items: { type: 'string' }, maxItems: 5 },
  },
  {
    keyword: 'uniqueItems',
    loose: { type: 'array', items: { type: 'string' } },
    tight: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
  {
    keyword: 'contains',
    loose: { type: 'array', items: { type: 'string' } },
    tight: { type: 'array', items: { type: 'string' }, contains: { const: 'a' } },
  },
  {
    keyword: 'minContains',
    loose: { type: 'array', items: { type: 'string' }, contains: { const: 'a' }, minContains: 1 },
    tight: { type: 'array', items: { type: 'string' }, contains: { const: 'a' }, minContains: 2 },
  },
  {
    keyword: 'maxContains',
    loose: { type: 'array', items: { type: 'string' }, contains: { const: 'a' }, maxContains: 3 },
    tight: { type: 'array', items: { type: 'string' }, contains: { const: 'a' }, maxContains: 2 },
  },
  {
    keyword: 'prefixItems',
    loose: { type: 'array', items: { type: 'string' } },
    tight: { type: 'array', items: { type: 'string' }, prefixItems: [{ const: 'a' }] },
  },
  {
    keyword: 'items (inside)',
    loose: { type: 'array', items: { type: 'string', maxLength: 20 } },
    tight: { type: 'array', items: { type: 'string', maxLength: 10 } },
    at: '[*]',
  },
  {
    keyword: 'items: false',
    loose: { type: 'array', prefixItems: [{ type: 'string' }] },
    tight: { type: 'array', prefixItems: [{ type: 'string' }], items: false },
  },
  {
    keyword: 'unevaluatedItems',
    loose: { type: 'array', prefixItems: [{ type: 'string' }] },
    tight: { type: 'array', prefixItems: [{ type: 'string' }], unevaluatedItems: false },
  },
  { keyword: 'minProperties', loose: { type: 'object' }, tight: { type: 'object', minProperties: 1 } },
  {
    keyword: 'maxProperties',
    loose: { type: 'object', maxProperties: 10 },
    tight: { type: 'object', maxProperties: 5 },
  },
  {
    keyword: 'dependentRequired',
    loose: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
    tight: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      dependentRequired: { a: ['b'] },
    },
  },
  {
    keyword: 'dependentSchemas',
    loose: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
    tight: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      dependentSchemas: { a: { required: ['b'] } },
    },
  },
  {
    keyword: 'propertyNames',
    loose: { type: 'object' },
    tight: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
  },
  {
    keyword: 'patternProperties',
    loose: { type: 'object' },
    tight: { type: 'object', patternProperties: { '^x-': { type: 'string' } } },
  },
  {
    keyword: 'additionalProperties: false',
    loose: { type: 'object' },
    tight: { type: 'object', additionalProperties: false },
  },
  {
    keyword: 'additionalProperties: a schema',
    loose: { type: 'object' },
    tight: { type: 'object', additionalProperties: { type: 'string' } },
  },
  {
    keyword: 'unevaluatedProperties',
    loose: { type: 'object' },
    tight: { type: 'object', unevaluatedProperties: false },
  },
  { keyword: 'not', loose: { type: 'string' }, tight: { type: 'string', not: { const: 'admin' } } },
  {
    keyword: 'if/then/else',
    loose: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
    tight: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      if: { properties: { a: { const: 'x' } }, required: ['a'] },
      // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a thenable.
      then: { required: ['b'] },
    },
    findings: 2,
  },
];

/**
 * The rule a tightening or loosening gets, by direction. Nullability has rules of its own; every
 * other keyword is a constraint: a request may only loosen, a response may also tighten.
 * @param {string} keyword
 * @param {'request' | 'response'} direction
 * @param {boolean} tighter
 * @returns {[string, string]} verdict word and rule
 */
function expected(keyword, direction, tighter) {
  if (keyword === 'type') {
    if (direction === 'request')
      return tighter ? ['breaking', 'request-field-not-nullable'] : ['info', 'request-field-nullable'];
    return tighter ? ['info', 'response-field-not-nullable'] : ['breaking', 'response-field-nullable'];
  }
  if (!tighter) return ['info', 'looser-constraint'];
  return direction === 'request' ? ['breaking', 'tighter-constraint'] : ['info', 'response-tighter-constraint'];
}

/** Four rows per keyword: tightened and loosened, on a field clients send and one they receive. */
function keywordRows() {
  return KEYWORD_CASES.flatMap(({ keyword, loose, tight, findings = 1, at = '' }) =>
    /** @type {const} */ (['request', 'response']).flatMap((direction) =>
      [true, false].map((tighter) => {
        const [word, rule] = expected(keyword, direction, tighter);
        const where =
          direction === 'request'
            ? `${CREATE} | request body $.probe${at}`
            : `${GET} | response 200 $.data.tools[*].probe${at}`;
        const field = (/** @type {Json} */ d) => (direction === 'request' ? agentCreate(d) : tool(d)).properties;
        /** @type {PolicyRow} */
        const row = {
          edit: `${keyword} ${tighter ? 'tightened' : 'loosened'} in a ${direction}`,
          base: (d) => {
            agentCreate(d).properties.probe = structuredClone(tighter ? loose : tight);
            tool(d).properties.probe = structuredClone(tighter ? loose : tight);
          },
          change: (d) => (field(d).probe = structuredClone(tighter ? tight : loose)),
          verdict: word === 'breaking' ? 'breaking' : 'additive',
          changes: Array.from({ length: findings }, () => `${word} ${where} | ${rule}`),
        };
        return row;
      }),
    ),
  );
}

/**
 * A shared component used in both directions: one edit, a different verdict per place it reaches.
 * @type {PolicyRow[]}
 */
const SHARED_ROWS = [
  {
    edit: 'shared open enum closed (tighter where clients receive it and where they send it)',
    change: (d) => (d.components.schemas.ToolType = { type: 'string', enum: ['read', 'write'] }),
    verdict: 'breaking',
    changes: [
      `info ${GET} | response 200 $.data.tools[*].type | response-tighter-constraint`,
      ...CUSTOM_TOOL_RESPONSES.map((at) => `info ${at}.type | response-tighter-constraint`),
      ...CUSTOM_TOOL_BODIES.map((op) => `breaking ${op} | request body $.type | tighter-constraint`),
    ],
  },
];

/** The whole table. */
export const POLICY_ROWS = [
  ...FIRST_ROWS,
  ...HELD_OUT_ROWS,
  ...SERVER_ROWS,
  ...keywordRows(),
  ...PARAMETER_ROWS,
  ...SHARED_ROWS,
];

/** How many rows the table had before issue 17 (the redocly-diff evaluation reports them apart). */
export const FIRST_ROW_COUNT = FIRST_ROWS.length;
