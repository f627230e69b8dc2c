// Custom tools: the name is `custom_` and a slug of the label, unique in the org (a second tool
// with the same label gets `_2`, `_3`…), and the credentials are write-only: kept in the record's
// hidden part, never in its data, so no response (create, retrieve, list, update, replay) shows them.

/** @param {string} label */
function slug(label) {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 100) || 'tool'
  );
}

/** @type {import('../engine.mjs').Rule} */
export const customToolNames = {
  name: 'custom tool names',
  resources: ['custom_tools'],
  derive(ctx, body, item, existing) {
    if (existing && !Object.hasOwn(body, 'label')) return;
    if (!('name' in item.data) || typeof body.label !== 'string') return;
    const base = `custom_${slug(body.label)}`;
    const taken = new Set(
      ctx.engine.store
        .items(ctx.orgId, 'custom_tools')
        .filter((other) => other !== existing)
        .map((other) => other.data.name),
    );
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
    item.data.name = name;
  },
};

/** @type {import('../engine.mjs').Rule} */
export const credentials = {
  name: 'write-only credentials',
  resources: ['custom_tools'],
  derive(_ctx, body, item) {
    if (!body.auth || typeof body.auth !== 'object') return;
    // Sending credentials again replaces the stored ones; the old ones cannot be read back.
    item.hidden.credentials = structuredClone(body.auth.credentials ?? null);
    const { credentials: _secret, ...shown } = body.auth;
    item.data.auth = { header_name: null, ...shown };
    // The header the spec's default names when the body leaves it out.
    if (shown.type === 'api_key') item.data.auth.header_name = body.auth.credentials?.header_name ?? 'X-API-Key';
  },
};
