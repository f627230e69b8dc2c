// References across resources: an agent's tools name tools of the org's connectors (enabled ones)
// or its custom tools (active ones), and its sub-agents, connectors and data sources name the
// org's agents, connectors and sources. Another org's resource is as unknown as a missing one.
// Codes as the spec decides them (`422 reference_not_found`, `tool_disabled`, `sub_agent_cycle`,
// `sub_agent_depth_exceeded`), `422 validation_failed` for a spec that does not name them.

/** Hand-offs allowed below an agent (A → B → C → D is three). */
const MAX_DEPTH = 3;

/** Tools every org has without a connector (the knowledge search over its sources). */
const BUILT_IN = new Set(['search_knowledge']);

/**
 * The first broken reference of an agent body as [code, message], or undefined.
 * @param {import('../engine.mjs').Context} ctx
 * @param {any} body
 * @param {any} existing
 * @returns {[string, string] | undefined}
 */
function brokenReference(ctx, body, existing) {
  const { engine, orgId } = ctx;
  const known = (/** @type {string} */ resource) => engine.operations.some((op) => op.resource === resource);
  const missing = (/** @type {string} */ field, /** @type {string} */ what) =>
    /** @type {[string, string]} */ (['reference_not_found', `${field}: ${what} not found in this org`]);
  for (const [index, tool] of (Array.isArray(body.tools) ? body.tools : []).entries()) {
    if (tool?.connector_id === null || tool?.connector_id === undefined) {
      // A tool without a connector is a custom tool (unless built in).
      if (!known('custom_tools') || BUILT_IN.has(tool.name)) continue;
      const custom = engine.store.items(orgId, 'custom_tools').find((item) => item.data.name === tool.name);
      if (!custom) return missing(`tools[${index}].name`, `custom tool ${tool.name}`);
      if (custom.data.is_active === false) return ['tool_disabled', `tools[${index}].name: ${tool.name} is inactive`];
      continue;
    }
    const connector = engine.lookup(orgId, 'connectors', String(tool.connector_id));
    if (!connector) return missing(`tools[${index}].connector_id`, `connector ${tool.connector_id}`);
    const found = (connector.data.tools ?? []).find((/** @type {any} */ candidate) => candidate.name === tool.name);
    if (!found) return missing(`tools[${index}].name`, `tool ${tool.name} of connector ${tool.connector_id}`);
    if (found.disabled) return ['tool_disabled', `tools[${index}].name: tool ${tool.name} is disabled`];
  }
  for (const [index, id] of (Array.isArray(body.connectors) ? body.connectors : []).entries()) {
    if (!engine.lookup(orgId, 'connectors', String(id))) return missing(`connectors[${index}]`, `connector ${id}`);
  }
  if (known('sources')) {
    for (const [index, ref] of (Array.isArray(body.data_sources) ? body.data_sources : []).entries()) {
      if (!engine.lookup(orgId, 'sources', String(ref?.source_id)))
        return missing(`data_sources[${index}].source_id`, `source ${ref?.source_id}`);
    }
  }
  if (Array.isArray(body.sub_agents)) return subAgentProblem(ctx, body.sub_agents, existing);
  return undefined;
}

/**
 * A sub-agent list's problem: an unknown agent, the agent itself or a cycle, or a chain deeper than MAX_DEPTH.
 * @param {import('../engine.mjs').Context} ctx
 * @param {unknown[]} subAgents
 * @param {any} existing
 * @returns {[string, string] | undefined}
 */
function subAgentProblem(ctx, subAgents, existing) {
  const { engine, orgId } = ctx;
  const selfHex = existing?.hex;
  /** @type {string[]} */
  const hexes = [];
  for (const [index, id] of subAgents.entries()) {
    const agent = engine.lookup(orgId, 'agents', String(id));
    if (!agent) return ['reference_not_found', `sub_agents[${index}]: agent ${id} not found in this org`];
    hexes.push(agent.hex);
  }
  const children = (/** @type {string} */ hex) =>
    hex === selfHex
      ? hexes
      : ((engine.store.find(orgId, 'agents', hex)?.hidden.sub_agents ?? []).map((/** @type {string} */ id) =>
          String(id).slice(-24).toLowerCase(),
        ) ?? []);
  /**
   * Levels of hand-offs below hex; Infinity on a cycle back to the agent being written.
   * @param {string} hex
   * @param {Set<string>} seen
   * @returns {number}
   */
  const height = (hex, seen) => {
    if (seen.has(hex)) return Number.POSITIVE_INFINITY;
    const below = children(hex);
    if (below.length === 0) return 0;
    const next = new Set(seen).add(hex);
    return 1 + Math.max(...below.map((child) => height(child, next)));
  };
  if (selfHex && hexes.includes(selfHex)) return ['sub_agent_cycle', 'sub_agents: an agent cannot hand off to itself'];
  const below =
    hexes.length === 0 ? 0 : 1 + Math.max(...hexes.map((hex) => height(hex, new Set(selfHex ? [selfHex] : []))));
  if (!Number.isFinite(below)) return ['sub_agent_cycle', 'sub_agents: this hand-off would make a cycle'];
  // Agents that hand off to this one add their own levels above it.
  const parents = (/** @type {string} */ hex) =>
    engine.store
      .items(orgId, 'agents')
      .filter((item) => children(item.hex).includes(hex))
      .map((item) => item.hex);
  /** @param {string} hex @param {Set<string>} seen @returns {number} */
  const above = (hex, seen) => {
    const up = parents(hex).filter((parent) => !seen.has(parent));
    return up.length === 0 ? 0 : 1 + Math.max(...up.map((parent) => above(parent, new Set(seen).add(parent))));
  };
  const levels = below + (selfHex ? above(selfHex, new Set([selfHex])) : 0);
  if (levels > MAX_DEPTH)
    return ['sub_agent_depth_exceeded', `sub_agents: hand-offs would be ${levels} levels deep, more than ${MAX_DEPTH}`];
  return undefined;
}

/** @type {import('../engine.mjs').Rule} */
export const references = {
  name: 'references across resources',
  resources: ['agents'],
  check(ctx, body, existing) {
    const broken = brokenReference(ctx, body, existing);
    if (!broken) return undefined;
    const [code, message] = broken;
    return ctx.engine.fail(
      ctx,
      422,
      ctx.engine.code(code, 'validation_failed'),
      `The request body is invalid: ${message}.`,
    );
  },
};
