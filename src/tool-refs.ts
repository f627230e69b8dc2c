// The seed's recipe for assigning a connector's tools to an agent.
import type { ConnectorDetail, ToolRef } from '../generated/schema.js';

/**
 * Tool references for the connector's enabled read tools (`type: "read"`, not `disabled`), ready
 * for `agents.create({ tools })`. Write tools are left out: they act on the third-party system.
 */
export function toolRefs(connector: Pick<ConnectorDetail, 'id' | 'tools'>): ToolRef[] {
  return connector.tools
    .filter((tool) => tool.type === 'read' && !tool.disabled)
    .map((tool) => ({ name: tool.name, connector_id: connector.id }));
}
