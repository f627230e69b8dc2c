// What each client program offers the benchmarks: the three calls of the small program.
import type { components } from '../../generated/schema.js';

export type AgentCreate = components['schemas']['AgentCreate'];

export interface Api {
  listConnectors(): Promise<unknown>;
  getConnector(id: string): Promise<unknown>;
  createAgent(agent: AgentCreate): Promise<unknown>;
}
