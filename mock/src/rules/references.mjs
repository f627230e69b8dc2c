// References across resources: an agent's tools name tools of the org's connectors (enabled ones)
// or its custom tools, and its sub-agents and data sources name the org's agents and sources.
// Another org's resource is as unknown as a missing one. A refused reference is
// `422 validation_failed` naming the field, unless the spec declares a code of its own.

/**
 * The first broken reference of an agent body, as a message, or undefined.
 * @param {import('../engine.mjs').Context} ctx
 * @param {any} body
 * @param {any} existing
 */
function brokenReference(ctx, body, existing) {
  const { engine, orgId } = ctx;
  const known = (/** @type {string} */ resource) => engine.operations.some((op) => op.resource === resource);
  for (const [index, tool] of (Array.isArray(body.tools) ? body.tools : []).entries()) {
    if (tool?.connector_id === null || tool?.connector_id === undefined) {
      // A tool without a connector is a custom tool (or built in, when the org has no such custom tool list).
      if (!known('custom_tools')) continue;
      const custom = engine.store.items(orgId, 'custom_tools').some((item) => item.data.name === tool.name);
      if (!custom && !BUILT_IN.has(tool.name))
        return `tools[${index}].name: no custom tool named ${tool.name} in this org`;
      continue;
    }
    const connector = engine.lookup(orgId, 'connectors', String(tool.connector_id));
    if (!connector) return `tools[${index}].connector_id: connector ${tool.connector_id} not found`;
    const found = (connector.data.tools ?? []).find((/** @type {any} */ candidate) => candidate.name === tool.name);
    if (!found) return `tools[${index}].name: connector ${tool.connector_id} has no tool ${tool.name}`;
    if (found.disabled) return `tools[${index}].name: tool ${tool.name} is disabled`;
  }
  for (const [index, id] of (Array.isArray(body.sub_agents) ? body.sub_agents : []).entries()) {
    if (existing && id === existing.data.id) return `sub_agents[${index}]: an agent cannot hand off to itself`;
    if (!engine.lookup(orgId, 'agents', String(id))) return `sub_agents[${index}]: agent ${id} not found`;
  }
  for (const [index, id] of (Array.isArray(body.connectors) ? body.connectors : []).entries()) {
    if (!engine.lookup(orgId, 'connectors', String(id))) return `connectors[${index}]: connector ${id} not found`;
  }
  if (known('sources')) {
    for (const [index, ref] of (Array.isArray(body.data_sources) ? body.data_sources : []).entries()) {
      if (!engine.lookup(orgId, 'sources', String(ref?.source_id)))
        return `data_sources[${index}].source_id: source ${ref?.source_id} not found`;
    }
  }
  return undefined;
}

/** Tools every org has without a connector (the knowledge search over its sources). */
const BUILT_IN = new Set(['search_knowledge']);

/** @type {import('../engine.mjs').Rule} */
export const references = {
  name: 'references across resources',
  resources: ['agents'],
  check(ctx, body, existing) {
    const broken = brokenReference(ctx, body, existing);
    return broken
      ? ctx.engine.fail(ctx, 422, 'validation_failed', `The request body is invalid: ${broken}.`)
      : undefined;
  },
};
