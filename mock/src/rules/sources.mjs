// The sources sync lifecycle on the mock's clock (the real one unless a test moves its own): a new
// source is `fetching`, then `syncing`, then `ready` with its `last_sync_at` and `document_count`,
// as the create-source polling example expects. A `connector` source cannot be created
// (`422 source_type_not_creatable`), and an org has one `upload` source (`409 upload_source_exists`).

/** How long each phase lasts: short enough to poll in a test, long enough to see each state. */
export const FETCHING_MS = 2_000;
export const SYNCING_MS = 3_000;

/** @type {import('../engine.mjs').Rule} */
export const sources = {
  name: 'sources sync lifecycle',
  resources: ['sources'],
  check(ctx, body, existing) {
    if (existing) return undefined;
    const { engine } = ctx;
    if (body.type === 'connector')
      return engine.fail(
        ctx,
        422,
        engine.code('source_type_not_creatable', 'validation_failed'),
        'type: connector sources come with their connector and cannot be created.',
      );
    if (body.type === 'upload' && engine.store.items(ctx.orgId, 'sources').some((item) => item.data.type === 'upload'))
      return engine.fail(
        ctx,
        409,
        engine.code('upload_source_exists', 'validation_failed'),
        'This org already has its upload source.',
      );
    return undefined;
  },
  derive(ctx, _body, item, existing) {
    if (existing) return;
    item.hidden.syncStartedAt = ctx.engine.clock.now();
    if ('connector_id' in item.data) item.data.connector_id = null;
    if ('connector_type' in item.data) item.data.connector_type = null;
  },
  present(ctx, item) {
    const started = item.hidden.syncStartedAt;
    // Seeded sources keep the state they were seeded with.
    if (started === undefined) return item.data;
    const elapsed = ctx.engine.clock.now() - started;
    if (elapsed < FETCHING_MS)
      return { ...item.data, sync_status: 'fetching', last_sync_at: null, document_count: null };
    if (elapsed < FETCHING_MS + SYNCING_MS)
      return { ...item.data, sync_status: 'syncing', last_sync_at: null, document_count: null };
    const at = new Date(Math.floor((started + FETCHING_MS + SYNCING_MS) / 1000) * 1000).toISOString();
    // A document count that depends only on the source's ID.
    const documents = 1 + (Number.parseInt(item.hex.slice(-4), 16) % 250);
    return { ...item.data, sync_status: 'ready', last_sync_at: at.replace('.000Z', 'Z'), document_count: documents };
  },
};
