// Type-level tests of generated/schema.ts: what application code can and cannot write.
import { describe, expectTypeOf, test } from 'vitest';
import type {
  AgentCreate,
  Connector,
  ConnectorDetail,
  ConnectorStatus,
  ErrorCode,
  ListMeta,
  Tool,
  ToolType,
  operations,
  paths,
} from '../../generated/schema.js';

describe('generated types', () => {
  test('status offers the known literals (the schema also accepts later values; the types list the known ones)', () => {
    expectTypeOf<ConnectorStatus>().toEqualTypeOf<'connected' | 'auth_failed' | 'token_expired'>();
    expectTypeOf<Connector['status']>().toEqualTypeOf<ConnectorStatus>();
    // @ts-expect-error a status is a string, never a number
    const status: ConnectorStatus = 1;
    void status;
  });

  test('tool type and error code offer their known literals too', () => {
    expectTypeOf<ToolType>().toEqualTypeOf<'read' | 'write'>();
    expectTypeOf<'not_found' | 'rate_limited' | 'validation_failed'>().toExtend<ErrorCode>();
  });

  test('tools exists on the detail type and not on the list item', () => {
    expectTypeOf<ConnectorDetail>().toHaveProperty('tools');
    expectTypeOf<ConnectorDetail['tools']>().toEqualTypeOf<Tool[]>();
    expectTypeOf<Connector>().not.toHaveProperty('tools');
    expectTypeOf<ConnectorDetail>().toExtend<Connector>();
  });

  test('status_reason is nullable, optional on list items and required on the detail', () => {
    expectTypeOf<Connector['status_reason']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ConnectorDetail['status_reason']>().toEqualTypeOf<string | null>();
  });

  test('next_cursor is a string or null', () => {
    expectTypeOf<ListMeta['next_cursor']>().toEqualTypeOf<string | null>();
  });

  test('an agent body needs instructions or instructions_html', () => {
    expectTypeOf({ handle: 'a', name: 'A', instructions: 'x' }).toExtend<AgentCreate>();
    expectTypeOf({ handle: 'a', name: 'A', instructions_html: '<p>x</p>' }).toExtend<AgentCreate>();
    expectTypeOf<{ handle: string; name: string }>().not.toExtend<AgentCreate>();
  });

  test('operations are keyed by their operationIds and paths by their URLs', () => {
    // The whole v1 API: 24 operations on 16 paths.
    expectTypeOf<keyof operations>().toEqualTypeOf<
      | 'getDiscovery'
      | 'listConnectors'
      | 'getConnector'
      | 'listAgents'
      | 'createAgent'
      | 'getAgent'
      | 'updateAgent'
      | 'deleteAgent'
      | 'listConversations'
      | 'getConversation'
      | 'listConversationMessages'
      | 'listCustomTools'
      | 'createCustomTool'
      | 'getCustomTool'
      | 'updateCustomTool'
      | 'deleteCustomTool'
      | 'listSources'
      | 'createSource'
      | 'getSource'
      | 'deleteSource'
      | 'getChatbot'
      | 'listTeamMembers'
      | 'getAgentAnalytics'
      | 'getOrganization'
    >();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | '/'
      | '/connectors'
      | '/connectors/{id}'
      | '/agents'
      | '/agents/{id}'
      | '/conversations'
      | '/conversations/{id}'
      | '/conversations/{id}/messages'
      | '/custom_tools'
      | '/custom_tools/{id}'
      | '/sources'
      | '/sources/{id}'
      | '/chatbots/{id}'
      | '/team'
      | '/analytics/agents/{agent_id}'
      | '/org'
    >();
    expectTypeOf<operations['listConnectors']['parameters']['query']>().toEqualTypeOf<
      { cursor?: string; limit?: number } | undefined
    >();
  });
});
