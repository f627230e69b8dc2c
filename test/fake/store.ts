// The fake's data: connectors and agents per org, in memory. Connectors are kept in creation
// order (their IDs sort the same way), so a page is a binary search and a slice, whatever the size.
import type { Agent, AgentCreate, Connector, ConnectorDetail } from '../../generated/schema.js';
import { CONNECTOR_TYPES, TOOLS_BY_TYPE } from './catalogue.js';
import type { Clock } from './clock.js';
import { objectIdHex } from './ids.js';

/** A connector as stored: the detail shape and its bare hex ID for ordering. */
interface StoredConnector {
  hex: string;
  detail: ConnectorDetail;
}

/** Fields a test may set on a new connector; the rest get plausible defaults. */
export type ConnectorFields = Partial<Pick<Connector, 'type' | 'name' | 'status' | 'status_reason' | 'is_active'>>;

/** A page of connectors, newest first, and the hex ID the next page starts below (if any). */
export interface ConnectorPage {
  items: Connector[];
  nextAfterHex: string | null;
}

/** The in-memory data of the fake. */
export interface Store {
  addConnector(orgId: string, fields?: ConnectorFields): ConnectorDetail;
  /** Connectors older than `belowHex` (all when undefined), newest first, at most `limit`. */
  listConnectors(orgId: string, belowHex: string | undefined, limit: number): ConnectorPage;
  getConnector(orgId: string, hex: string): ConnectorDetail | undefined;
  /** Creates an agent, or returns 'handle_taken' when the org has that handle (ignoring case). */
  createAgent(orgId: string, body: AgentCreate): Agent | 'handle_taken';
  agents(orgId: string): Agent[];
}

/** An empty store whose timestamps come from clock. */
export function createStore(clock: Clock): Store {
  const connectors = new Map<string, StoredConnector[]>();
  const agents = new Map<string, Agent[]>();
  let counter = 0;
  const timestamp = () => new Date(clock.now()).toISOString();
  const listOf = <T>(map: Map<string, T[]>, orgId: string): T[] => {
    let list = map.get(orgId);
    if (!list) map.set(orgId, (list = []));
    return list;
  };

  return {
    addConnector(orgId, fields = {}) {
      counter += 1;
      const hex = objectIdHex(clock.now(), counter);
      const type = fields.type ?? CONNECTOR_TYPES[counter % CONNECTOR_TYPES.length] ?? 'zendesk';
      const status = fields.status ?? 'connected';
      const detail: ConnectorDetail = {
        id: `connector_${hex}`,
        type,
        name: fields.name ?? `${type[0]?.toUpperCase()}${type.slice(1)} #${counter}`,
        status,
        status_reason:
          fields.status_reason ?? (status === 'connected' ? null : 'The third-party account rejected the credentials.'),
        is_active: fields.is_active ?? true,
        created_at: timestamp(),
        updated_at: timestamp(),
        tools: TOOLS_BY_TYPE[type] ?? [],
      };
      listOf(connectors, orgId).push({ hex, detail });
      return detail;
    },

    listConnectors(orgId, belowHex, limit) {
      const all = listOf(connectors, orgId);
      // Index of the first connector not older than the cursor: everything before it is older.
      let low = 0;
      let high = all.length;
      if (belowHex !== undefined) {
        while (low < high) {
          const middle = (low + high) >>> 1;
          if ((all[middle]?.hex ?? '') < belowHex) low = middle + 1;
          else high = middle;
        }
      }
      const end = belowHex === undefined ? all.length : low;
      const page = all.slice(Math.max(0, end - limit), end).reverse();
      const hasMore = end - limit > 0;
      return {
        items: page.map(({ detail }) => summary(detail)),
        nextAfterHex: hasMore ? (page.at(-1)?.hex ?? null) : null,
      };
    },

    getConnector(orgId, hex) {
      return listOf(connectors, orgId).find((stored) => stored.hex === hex)?.detail;
    },

    createAgent(orgId, body) {
      const list = listOf(agents, orgId);
      if (list.some((agent) => agent.handle.toLowerCase() === body.handle.toLowerCase())) return 'handle_taken';
      counter += 1;
      const agent: Agent = {
        id: `agent_${objectIdHex(clock.now(), counter)}`,
        handle: body.handle,
        name: body.name,
        description: body.description ?? null,
        model: body.model ?? null,
        is_active: true,
        color: body.color ?? '#6366f1',
        avatar: body.avatar ?? null,
        tools_count: body.tools?.length ?? 0,
        sub_agents_count: body.sub_agents?.length ?? 0,
        created_at: timestamp(),
        updated_at: timestamp(),
      };
      list.push(agent);
      return agent;
    },

    agents: (orgId) => [...listOf(agents, orgId)],
  };
}

/** The list shape of a connector: the detail without tools. */
function summary({ tools: _tools, ...connector }: ConnectorDetail): Connector {
  return connector;
}
