// Handle uniqueness: an agent's handle is unique within its org, ignoring case, on create and
// update (`409 agent_handle_taken`, as the spec's Conflict response documents).

/** @type {import('../engine.mjs').Rule} */
export const handles = {
  name: 'handle uniqueness',
  resources: ['agents'],
  check(ctx, body, existing) {
    if (typeof body.handle !== 'string') return undefined;
    const wanted = body.handle.toLowerCase();
    const taken = ctx.engine.store
      .items(ctx.orgId, 'agents')
      .some((item) => item !== existing && String(item.data.handle).toLowerCase() === wanted);
    return taken
      ? ctx.engine.fail(ctx, 409, 'agent_handle_taken', `Agent with handle @${body.handle} already exists`)
      : undefined;
  },
};
