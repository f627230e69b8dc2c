// Soft delete with a 30-day trash: a deleted agent leaves the API at once (`404 agent_not_found`,
// gone from lists, a second DELETE 404s) and waits in its org's trash, where the dashboard could
// restore it, until 30 days on the mock's clock have passed. Its handle is free again at once.

const TRASH_MS = 30 * 24 * 3_600_000;

/** The trash collection of a resource (not served by any operation). @param {string} resource */
export const trashOf = (resource) => `${resource}:trash`;

/** @type {import('../engine.mjs').Rule} */
export const trash = {
  name: 'soft delete with trash',
  resources: ['agents'],
  before(ctx) {
    // Empty what has outlived the window, whatever the request.
    const { store, clock } = ctx.engine;
    for (const item of [...store.items(ctx.orgId, trashOf('agents'))])
      if (item.hidden.deletedAt + TRASH_MS <= clock.now()) store.remove(ctx.orgId, trashOf('agents'), item.hex);
    return undefined;
  },
  remove(ctx, item) {
    const { store, clock } = ctx.engine;
    store.remove(ctx.orgId, 'agents', item.hex);
    store.insert(ctx.orgId, trashOf('agents'), item.data, { ...item.hidden, deletedAt: clock.now() });
    return true;
  },
};
