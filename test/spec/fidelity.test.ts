// The facts the Macha docs state ([S] in ../shared/reference/macha-api-v1-notes.md), each checked
// at its node of the bundle: the same name, type, enum, nullability, bound and default (as a
// `default` keyword, not only in prose), so that a slip in the spec fails here.
import { describe, expect, test } from 'vitest';
import { refTarget, resolve } from '../../scripts/lib/openapi.mjs';
import { bundle, operationById, schemaValidator } from '../support/bundle.js';

type Node = Record<string, unknown>;
/** The node at a JSON pointer into the bundle, refs followed. */
const at = (pointer: string): Node => resolve(bundle, refTarget(bundle, pointer)) as Node;
const schema = (name: string) => `#/components/schemas/${name}`;
/** The enum values of a plain or open enum. */
const known = (node: Node): unknown => (node.enum ?? (node.anyOf as Node[] | undefined)?.[0]?.enum) as unknown;

describe('stated defaults are default keywords', () => {
  test.each([
    [`${schema('AgentCreate')}/allOf/0/properties/color`, '#6366f1'],
    [`${schema('AgentCreate')}/allOf/0/properties/include_system_prompt`, true],
    [`${schema('CustomToolCreate')}/properties/type`, 'read'],
    [`${schema('CustomToolAuth')}/oneOf/2/properties/credentials/properties/header_name`, 'X-API-Key'],
    [`${schema('SourceCreate')}/properties/config/properties/indexed`, false],
    [`${schema('Chatbot')}/properties/allow_write_tools`, false],
    ['#/components/parameters/Limit/schema', 25],
  ])('%s defaults to %j', (pointer, value) => {
    expect(refTarget(bundle, pointer).default).toEqual(value);
  });
});

describe('stated enums', () => {
  test.each([
    ['ConnectorStatus', ['connected', 'auth_failed', 'token_expired']],
    ['ToolType', ['read', 'write']],
    ['ConversationSource', ['dashboard', 'autonomous', 'embed', 'sub-agent']],
    ['CustomToolMethod', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']],
    ['CustomToolAuthType', ['bearer', 'api_key', 'basic', 'none']],
    ['SourceType', ['upload', 'website', 'webpage', 'connector']],
    ['SourceSyncStatus', ['ready', 'fetching', 'syncing', 'error']],
    ['MemberRole', ['owner', 'admin', 'member']],
    ['OrgPlan', ['trial', 'starter', 'pro', 'enterprise']],
  ])('%s is %j', (name, values) => {
    expect(known(at(schema(name)))).toEqual(values);
  });
});

describe('stated nullability', () => {
  test.each([
    ['Agent', ['description', 'model', 'color', 'avatar']],
    ['Conversation', ['title', 'agent_id', 'model', 'conversation_number', 'parent_conversation_id', 'metadata']],
    ['Source', ['connector_id', 'connector_type', 'last_sync_at', 'document_count']],
    ['Chatbot', ['agent_id', 'theme', 'welcome_message']],
    ['Member', ['name', 'last_login_at']],
    ['Organization', ['trial']],
  ])('%s accepts null in %j', (name, fields) => {
    const properties = at(schema(name)).properties as Record<string, Node>;
    for (const field of fields) {
      expect(field in properties, `${name}.${field} is declared`).toBe(true);
      const validate = schemaValidator(name);
      // Only the one field is checked: other errors are expected for this partial object.
      validate({ [field]: null });
      const fieldErrors = (validate.errors ?? []).filter((error) => error.instancePath === `/${field}`);
      expect(fieldErrors, `${name}.${field} must be nullable`).toEqual([]);
    }
  });
});

describe('stated rules of operations', () => {
  test.each([
    ['listAgents', 'agents:read'],
    ['createAgent', 'agents:write'],
    ['updateAgent', 'agents:write'],
    ['deleteAgent', 'agents:delete'],
    ['listConversations', 'conversations:read'],
    ['getConversation', 'conversations:read'],
    ['listCustomTools', 'custom_tools:read'],
    ['deleteCustomTool', 'custom_tools:delete'],
    ['getSource', 'sources:read'],
    ['createSource', 'sources:write'],
    ['deleteSource', 'sources:delete'],
    ['getChatbot', 'chatbots:read'],
    ['listTeamMembers', 'team:read'],
    ['getAgentAnalytics', 'analytics:read'],
    ['getOrganization', 'org:read'],
  ])('%s needs %s', (operationId, scope) => {
    expect(operationById(operationId).requiredScope).toBe(scope);
  });

  test.each([
    ['getAgent', '404', 'agent_not_found'],
    ['deleteAgent', '404', 'agent_not_found'],
    ['getAgentAnalytics', '404', 'agent_not_found'],
    ['getConversation', '404', 'conversation_not_found'],
    ['getCustomTool', '404', 'custom_tool_not_found'],
    ['deleteSource', '404', 'source_not_found'],
    ['getChatbot', '404', 'not_found'],
    ['createAgent', '409', 'agent_handle_taken'],
    ['createSource', '409', 'upload_source_exists'],
    ['createCustomTool', '409', 'idempotency_key_reused'],
  ])('%s answers %s %s', (operationId, status, code) => {
    const examples = operationById(operationId).responses[status]?.content['application/json']?.examples ?? {};
    const codes = Object.values(examples).map((example) => (example.value as { error: { code: string } }).error.code);
    expect(codes).toContain(code);
  });

  test.each([
    ['createAgent', '201'],
    ['createCustomTool', '201'],
    ['createSource', '201'],
    ['deleteAgent', '200'],
    ['deleteCustomTool', '200'],
    ['deleteSource', '200'],
  ])('%s succeeds with %s', (operationId, status) => {
    const success = Object.keys(operationById(operationId).responses).filter((code) => code.startsWith('2'));
    expect(success).toEqual([status]);
  });

  test('listConversations has every documented filter', () => {
    const names = operationById('listConversations').parameters.map((parameter) => parameter.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'cursor',
        'limit',
        'agent_id',
        'source',
        'model',
        'parent_conversation_id',
        'conversation_number',
        'since',
        'created_after',
        'created_before',
        'last_message_after',
        'last_message_before',
        'ticket_id',
        'metadata',
        'q',
      ]),
    );
  });
});

describe('stated shapes', () => {
  test('sub_agents may not include the agent itself, and the docs say so in the schema', () => {
    const description = String(at(`${schema('AgentCreate')}/allOf/0/properties/sub_agents`).description);
    expect(description).toMatch(/may not include the agent's own ID/);
  });

  test('custom-tool credentials are write-only and never in the response schema', () => {
    const auth = at(schema('CustomToolAuth'));
    for (const branch of (auth.oneOf as Node[]).slice(1)) {
      expect((branch.properties as Record<string, Node>).credentials?.writeOnly).toBe(true);
    }
    expect(Object.keys(at(schema('CustomToolAuthInfo')).properties as Node)).toEqual(['type', 'header_name']);
  });

  test('a delete answers { id, deleted: true }', () => {
    const validate = schemaValidator('DeleteResultEnvelope');
    const meta = { request_id: 'req_a0b88aa084bac0f7' };
    expect(validate({ data: { id: 'tool_64f1c0ef2ec711ef6dc1dce0', deleted: true }, meta })).toBe(true);
    expect(validate({ data: { id: 'tool_64f1c0ef2ec711ef6dc1dce0', deleted: false }, meta })).toBe(false);
  });

  test('the team list has no next_cursor and takes no cursor (not paginated)', () => {
    expect(operationById('listTeamMembers').parameters).toEqual([]);
    expect(Object.keys(at(`${schema('MemberList')}/properties/meta`).properties as Node)).toEqual(['request_id']);
  });
});
