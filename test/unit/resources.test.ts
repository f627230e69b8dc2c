// The resource methods: one per operation of the spec, authenticated, passing unknown fields
// through, and giving access to the request id.
import { describe, expect, test } from 'vitest';
import { createMachaClient, toolRefs, type ConnectorDetail } from '../../src/index.js';
import { retrieveResponse } from '../fixtures/seeds.js';
import { operations, resolve } from '../../scripts/lib/openapi.mjs';
import { bundle } from '../support/bundle.js';
import { API_KEY, BASE_URL, json, scriptedFetch } from '../support/scripted-fetch.js';

const VERBS: Record<string, string> = {
  list: 'list',
  get: 'retrieve',
  create: 'create',
  update: 'update',
  delete: 'delete',
};

/** A schema or response object, as far as this check reads it. */
interface Node {
  content?: Record<string, { schema?: Node }>;
  properties?: Record<string, Node>;
}

/** Whether the 200 response's JSON body declares `meta.next_cursor` (the bundle's envelopes have plain properties). */
function hasNextCursor(responses: Record<string, Node>): boolean {
  const body = resolve(bundle, resolve(bundle, responses['200'])?.content?.['application/json']?.schema);
  const meta = resolve(bundle, body?.properties?.meta);
  return meta?.properties?.next_cursor !== undefined;
}

describe('resource methods', () => {
  test("the resource methods are exactly the spec's operations (x-client-method, listAll for cursor lists)", () => {
    const macha = createMachaClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      fetch: scriptedFetch().fetch,
    }) as unknown as Record<string, Record<string, unknown>>;
    const expected = operations(bundle).flatMap(({ operation, operationId = '', parameters }) => {
      const tag: string = operation.tags[0];
      const resource = tag
        .toLowerCase()
        .replace(/[^a-z0-9]+([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
      const action = operation['x-client-method'] ?? VERBS[/^[a-z]+/.exec(operationId)?.[0] ?? '']!;
      // A cursor list takes `cursor` and answers `meta.next_cursor` (analytics takes a cursor but does not page).
      const paged =
        parameters.some((p) => p.in === 'query' && p.name === 'cursor') && hasNextCursor(operation.responses);
      return paged ? [`${resource}.${action}`, `${resource}.${action}All`] : [`${resource}.${action}`];
    });
    const actual = Object.entries(macha).flatMap(([resource, methods]) =>
      typeof methods === 'object' && methods !== null
        ? Object.keys(methods)
            .filter((name) => typeof methods[name] === 'function')
            .map((name) => `${resource}.${name}`)
        : [],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(actual)).toEqual(new Set(expected));
  });

  test('sends the bearer key and a User-Agent naming the package and version on every request', async () => {
    const { fetch, sent } = scriptedFetch(json(200, retrieveResponse));
    await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch }).connectors.retrieve(
      retrieveResponse.data.id,
    );
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(sent[0]?.headers.get('user-agent')).toMatch(/^@macha\/api-client\/\d+\.\d+\.\d+ node\/\d+/);
  });

  test('resolves the success body, with unknown fields and unknown enum values passed through untouched', async () => {
    const future = structuredClone(retrieveResponse) as typeof retrieveResponse & { data: { region?: string } };
    Object.assign(future.data, { status: 'paused', region: 'eu' });
    Object.assign(future.data.tools[0]!, { type: 'admin', category: 'tickets' });
    const { fetch } = scriptedFetch(json(200, future));
    const result = await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch }).connectors.retrieve(
      future.data.id,
    );
    expect(result).toEqual(future);
  });

  test('the request id is reachable from the result (meta) and from the raw surface (header and body)', async () => {
    const { fetch } = scriptedFetch(json(200, retrieveResponse), json(200, retrieveResponse));
    const macha = createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    expect((await macha.connectors.retrieve(retrieveResponse.data.id)).meta.request_id).toBe('req_a0b88aa084bac0f7');
    const raw = await macha.GET('/connectors/{id}', { params: { path: { id: retrieveResponse.data.id } } });
    expect([raw.response.headers.get('x-request-id'), raw.data?.meta.request_id]).toEqual([
      'req_header0001',
      'req_a0b88aa084bac0f7',
    ]);
  });

  test('the raw surface keeps openapi-fetch semantics: HTTP errors resolve with error, they do not throw', async () => {
    const { fetch } = scriptedFetch(
      json(404, { error: { code: 'not_found', message: 'Connector not found.', request_id: 'req_9' } }),
    );
    const raw = await createMachaClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch }).GET('/connectors/{id}', {
      params: { path: { id: retrieveResponse.data.id } },
    });
    expect([raw.data, raw.error?.error.code, raw.response.status]).toEqual([undefined, 'not_found', 404]);
  });
});

describe('toolRefs', () => {
  const detail: ConnectorDetail = {
    ...retrieveResponse.data,
    tools: [
      ...retrieveResponse.data.tools,
      {
        name: 'zendesk_search',
        label: 'Search',
        description: 'Search tickets.',
        type: 'read',
        requires_confirmation: false,
        disabled: true,
      },
      // A tool type added after this spec: the types list the known values, the runtime gets any.
      {
        name: 'zendesk_future',
        label: 'Future',
        description: 'A new kind of tool.',
        type: 'admin' as 'write',
        requires_confirmation: false,
        disabled: false,
      },
    ],
  };

  test("is the seed's recipe: enabled read tools only, as {name, connector_id}", () => {
    expect(toolRefs(detail)).toEqual([
      { name: 'zendesk_get_ticket', connector_id: 'connector_64f1c0ef2ec711ef6dc1dcf0' },
    ]);
  });

  test('a connector without read tools gives no refs', () => {
    expect(toolRefs({ ...detail, tools: detail.tools.filter((tool) => tool.type !== 'read') })).toEqual([]);
  });
});
