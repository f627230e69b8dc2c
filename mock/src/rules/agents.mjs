// Agents: activation needs connected connectors, and what an agent shows of what it was given:
// v1 returns `tools_count` and `sub_agents_count`, not
// the lists; the lists are kept (hidden) so that an update that leaves them out keeps them.

const DEFAULT_COLOR = '#6366f1';

/** @type {import('../engine.mjs').Rule} */
export const agents = {
  name: 'agent counts',
  resources: ['agents'],
  // Activating an agent while one of its connectors is auth_failed is refused: reconnect first.
  check(ctx, body, existing) {
    if (!existing || body.is_active !== true) return undefined;
    const tools = body.tools ?? existing.hidden.tools ?? [];
    const ids = [...(body.connectors ?? existing.hidden.connectors ?? []), ...tools.map((tool) => tool?.connector_id)];
    const failed = ids
      .filter((id) => typeof id === 'string')
      .map((id) => ctx.engine.lookup(ctx.orgId, 'connectors', id))
      .find((connector) => connector?.data.status === 'auth_failed');
    if (!failed) return undefined;
    return ctx.engine.fail(
      ctx,
      422,
      ctx.engine.code('connector_auth_failed', 'validation_failed'),
      `is_active: connector ${failed.data.id} is auth_failed; reconnect it in the dashboard first.`,
    );
  },
  derive(_ctx, body, item, existing) {
    // The documented default colour, for a spec that states it only in prose.
    if (!existing && !Object.hasOwn(body, 'color') && 'color' in item.data) item.data.color = DEFAULT_COLOR;
    for (const field of ['tools', 'sub_agents', 'connectors', 'data_sources', 'custom_tools']) {
      if (Object.hasOwn(body, field)) item.hidden[field] = structuredClone(body[field]);
    }
    const count = (/** @type {string} */ field) => (Array.isArray(item.hidden[field]) ? item.hidden[field].length : 0);
    if ('tools_count' in item.data || Object.hasOwn(body, 'tools')) item.data.tools_count = count('tools');
    if ('sub_agents_count' in item.data || Object.hasOwn(body, 'sub_agents'))
      item.data.sub_agents_count = count('sub_agents');
    // Fields the agent schema shows as lists get the stored list (a spec that returns them).
    for (const field of ['tools', 'sub_agents', 'data_sources']) {
      if (field in item.data && Array.isArray(item.hidden[field]))
        item.data[field] = structuredClone(item.hidden[field]);
    }
  },
};
