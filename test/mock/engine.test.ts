// What the mock takes from the bundle alone: a new operation is answered from its example before
// any rule exists, every list of the seeded world has more than one page at limit=10, the world is
// the same for the same seed, requests are checked against the spec (422 naming the field), and
// response validation reports a response that breaks the spec.
import { afterAll, describe, expect, test } from 'vitest';
import { checkWorld, mockOperations, seedWorld, startMockServer } from '../../mock/src/index.mjs';
import { createSchemas } from '../../mock/src/schemas.mjs';
import { bundleCurrentSpec } from '../../scripts/lib/releases.mjs';
import { bundle } from '../support/bundle.js';
import { copySpec } from '../support/spec-copy.js';

type Mock = Awaited<ReturnType<typeof startMockServer>>;
const started: Mock[] = [];
afterAll(() => Promise.all(started.map((mock) => mock.close())));
/** Starts a mock on a bundle (the project's unless given), validating every response. */
async function start(options: Partial<Parameters<typeof startMockServer>[0]> = {}): Promise<Mock> {
  const mock = await startMockServer({ bundle, validate: true, ...options });
  started.push(mock);
  return mock;
}
/** GET or another call with the full key; resolves to status and parsed body. */
async function call(mock: Mock, path: string, init: RequestInit = {}, key = mock.keys.full) {
  const response = await fetch(`${mock.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** A copy of the bundle with a new operation, `GET /widgets/health`, that no rule knows. */
function bundleWithNewOperation() {
  const copy = structuredClone(bundle) as typeof bundle & { paths: Record<string, unknown> };
  copy.paths['/widgets/health'] = {
    get: {
      operationId: 'getWidgetHealth',
      'x-required-scope': 'connectors:read',
      responses: {
        '200': {
          description: 'The health of the widgets.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['data', 'meta'],
                properties: {
                  data: { type: 'object', required: ['healthy'], properties: { healthy: { type: 'integer' } } },
                  meta: { $ref: '#/components/schemas/Meta' },
                },
              },
              examples: { ok: { value: { data: { healthy: 12 }, meta: { request_id: 'req_0000000000000000' } } } },
            },
          },
        },
      },
    },
  };
  return copy;
}

describe('the mock from the bundle', () => {
  test('a new operation is answered from its example, with this request ID, before any rule exists', async () => {
    const mock = await start({ bundle: bundleWithNewOperation() });
    const { status, body, headers } = await call(mock, '/widgets/health');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { healthy: 12 }, meta: { request_id: headers.get('x-request-id') } });
    expect(mock.violations).toEqual([]);
  });

  test('an operation added to the YAML is answered from its example once bundled, with no code change', async () => {
    const copy = copySpec();
    try {
      copy.write(
        'spec/paths/org_usage.yaml',
        `get:
  operationId: getOrganizationUsage
  summary: Retrieve the org's usage
  description: Credits spent this month.
  tags:
    - Organization
  x-required-scope: org:read
  security:
    - BearerAuth:
        - org:read
  responses:
    '200':
      description: The usage.
      content:
        application/json:
          schema:
            type: object
            required: [data, meta]
            properties:
              data:
                type: object
                required: [credits_spent]
                properties:
                  credits_spent:
                    type: integer
                    description: Credits spent this month.
              meta:
                $ref: ../components/schemas/Meta.yaml
          examples:
            spent:
              summary: Some credits spent
              value:
                data:
                  credits_spent: 417
                meta:
                  request_id: req_0123456789abcdef
`,
      );
      copy.edit('spec/openapi.yaml', '  /org:\n', '  /org/usage:\n    $ref: ./paths/org_usage.yaml\n  /org:\n');
      const grown = await bundleCurrentSpec(copy.dir);
      const mock = await start({ bundle: grown });
      expect(mockOperations(grown).find((op) => op.operationId === 'getOrganizationUsage')?.kind).toBe('example');
      const { status, body, headers } = await call(mock, '/org/usage');
      expect(status).toBe(200);
      expect(body).toEqual({ data: { credits_spent: 417 }, meta: { request_id: headers.get('x-request-id') } });
      // Scope and auth apply to it as to every operation.
      expect((await call(mock, '/org/usage', {}, 'mka_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345')).status).toBe(401);
      expect((await call(mock, '/org/usage', {}, mock.issueKey('org_a', ['connectors:read']))).status).toBe(403);
      expect(mock.violations).toEqual([]);
    } finally {
      copy.remove();
    }
  });

  test('the operations that run on their examples alone are listed', () => {
    const byExample = (doc: object) =>
      mockOperations(doc)
        .filter((op) => op.kind === 'example')
        .map((op) => op.operationId);
    const shipped = byExample(bundle);
    console.log(`operations answered from their examples alone: ${shipped.join(', ') || 'none'}`);
    expect(byExample(bundleWithNewOperation())).toEqual([...shipped, 'getWidgetHealth']);
  });

  test('every paginated list of the seeded world has more than one page at limit=10 in org A', async () => {
    const mock = await start();
    // The cursor-paginated ones (the team list is one page).
    const lists = mockOperations(bundle).filter(
      (op) => op.kind === 'list' && op.parameters.some((parameter) => parameter.name === 'cursor'),
    );
    expect(lists.length).toBeGreaterThan(0);
    for (const op of lists) {
      const parentId = op.parent ? mock.world.items('org_a', op.parent)[0]?.data.id : undefined;
      const path = op.path.replace(/\{[^}]+\}/, String(parentId));
      const { status, body } = await call(mock, `${path}?limit=10`);
      expect({ op: op.operationId, status, size: body.data.length }).toEqual({
        op: op.operationId,
        status: 200,
        size: 10,
      });
      expect(body.meta.next_cursor, op.operationId).toEqual(expect.any(String));
    }
    expect(mock.violations).toEqual([]);
  });

  test('the world is the same for the same seed and differs for another', () => {
    const operations = mockOperations(bundle);
    const names = (seed: number) =>
      seedWorld(operations, { seed }).orgs.org_a?.connectors.map(
        (c: { name: string; status: string }) => `${c.name}/${c.status}`,
      );
    expect(names(7)).toEqual(names(7));
    expect(names(7)).not.toEqual(names(8));
  });

  test('a request the spec refuses gets 422 validation_failed in the error envelope, naming the field', async () => {
    const mock = await start();
    const limit = await call(mock, '/connectors?limit=101');
    const body = await call(mock, '/agents', {
      method: 'POST',
      body: JSON.stringify({
        handle: 'ok',
        name: 'x',
        instructions: 'x',
        tools: [{ name: 'x', connector_id: 'nope' }],
      }),
    });
    const id = await call(mock, '/connectors/not-an-id');
    expect([limit, body, id].map(({ status, body: { error } }) => [status, error.code, error.message])).toEqual([
      [422, 'validation_failed', 'query parameter limit must be <= 100'],
      [422, 'validation_failed', expect.stringContaining('tools[0].connector_id must match pattern')],
      [422, 'validation_failed', 'path id must NOT have fewer than 24 characters'],
    ]);
    expect(mock.violations).toEqual([]);
  });

  test('response validation: a response that breaks the spec is reported as a violation (control)', async () => {
    const strict = structuredClone(bundle) as typeof bundle & {
      components: { schemas: Record<string, { required: string[] }> };
    };
    strict.components.schemas.Connector?.required.push('owner');
    const logged: string[] = [];
    const mock = await start({ bundle: strict, log: (line) => logged.push(line) });
    expect((await call(mock, '/connectors?limit=1')).status).toBe(200);
    expect(mock.violations).toEqual([
      { operationId: 'listConnectors', status: 200, problem: expect.stringContaining('owner is required') },
    ]);
    expect(logged).toContainEqual(expect.stringMatching(/^spec violation: listConnectors 200: /));
    mock.violations.length = 0;
  });

  test('a world file is checked against the spec: each problem names its JSON pointer', () => {
    const operations = mockOperations(bundle);
    const world = seedWorld(operations, { seed: 1 });
    expect(checkWorld(operations, createSchemas(bundle), world)).toEqual([]);
    const broken = structuredClone(world);
    broken.orgs.org_a!.connectors[2].status = 42;
    delete broken.orgs.org_a!.connectors[3].name;
    broken.orgs.org_a!.gadgets = [];
    expect(checkWorld(operations, createSchemas(bundle), broken)).toEqual([
      '/orgs/org_a/connectors/2/status must be string',
      '/orgs/org_a/connectors/3/name is required',
      expect.stringMatching(/^\/orgs\/org_a\/gadgets is not a resource of the spec/),
    ]);
  });

  test('reset() brings back the seeded world: created records go, deleted ones return', async () => {
    const mock = await start();
    const before = mock.world.items('org_a', 'agents').length;
    const created = await call(mock, '/agents', {
      method: 'POST',
      body: JSON.stringify({ handle: 'resetMe', name: 'x', instructions: 'x' }),
    });
    expect(created.status).toBe(201);
    expect(mock.world.items('org_a', 'agents')).toHaveLength(before + 1);
    mock.reset();
    expect(mock.world.items('org_a', 'agents')).toHaveLength(before);
  });
});
