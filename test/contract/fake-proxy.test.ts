// The mock behind `prism proxy`: Prism validates every request and response of a realistic session
// against the spec, so the mock is shown to honour the spec it mocks (and the mock's own response
// validation agrees: expectNoViolations). Any `sl-violations` entry
// fails the test that caused it, except the request violations the invalid-input test provokes on
// purpose; a control test shows that Prism does report a response that breaks the spec.
import { afterAll, describe, expect, test } from 'vitest';
import type { AgentCreate } from '../../generated/schema.js';
import { mockOperations } from '../../mock/src/index.mjs';
import { expectNoViolations, startWorld } from '../mock/world.js';
import { bundle } from '../support/bundle.js';
import { useSpecCheck } from '../support/spec-check.js';
import { createTestClient } from './client.js';
import { fakeProxyTarget } from './target.js';

const MINUTE = 60_000;
// The global setup started the proxy for the port the mock takes here.
const prism = await fakeProxyTarget();
const world = await startWorld({
  connectors: 45,
  windows: [{ limit: 30, windowMs: MINUTE }],
  port: prism.upstreamPort,
});
afterAll(() => world.mock.close());
expectNoViolations(() => world);

describe('the mock behind prism proxy', () => {
  const spec = useSpecCheck({ baseUrl: prism.baseUrl, sameRequestId: true });
  const clientFor = (apiKey: string) => createTestClient({ baseUrl: prism.baseUrl, apiKey, fetch: spec.fetch });
  const client = clientFor(world.keys.full);
  const body: AgentCreate = {
    handle: 'proxied',
    name: 'Proxied',
    instructions: 'Answer from Zendesk.',
    tools: [{ name: 'zendesk_get_ticket', connector_id: world.connectors[0]?.id ?? null }],
  };

  test('listConnectors: every page of 45 connectors, newest first; retrieve by prefixed and bare ID', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await client.GET('/connectors', { params: { query: { limit: 10, cursor } } });
      ids.push(...(data?.data.map((connector) => connector.id) ?? []));
      cursor = data?.meta.next_cursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual(world.connectors.map((connector) => connector.id).reverse());
    for (const id of [ids[0] ?? '', ids[0]?.slice('connector_'.length) ?? '']) {
      const { data } = await client.GET('/connectors/{id}', { params: { path: { id } } });
      expect(data?.data.id).toBe(ids[0]);
    }
  });

  test('createAgent: created, replayed for one Idempotency-Key, 409 for another body or a taken handle', async () => {
    const header = { 'Idempotency-Key': 'proxy-session-1' };
    const created = await client.POST('/agents', { body, params: { header } });
    const replayed = await client.POST('/agents', { body, params: { header } });
    const reused = await client.POST('/agents', { body: { ...body, name: 'Other' }, params: { header } });
    const taken = await client.POST('/agents', { body });
    expect([created, replayed, reused, taken].map(({ response }) => response.status)).toEqual([201, 201, 409, 409]);
    expect(replayed.data).toEqual(created.data);
    expect([reused.error?.error.code, taken.error?.error.code]).toEqual([
      'idempotency_key_reused',
      'agent_handle_taken',
    ]);
  });

  test('errors: unknown key 401, missing scope 403, other org 404, malformed cursor 422', async () => {
    const unknownKey = await clientFor('mka_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345').GET('/connectors');
    const noScope = await clientFor(world.keys.readOnly).POST('/agents', { body });
    const otherOrg = await client.GET('/connectors/{id}', { params: { path: { id: world.otherOrgConnector.id } } });
    // A cursor the spec allows (any non-empty string) that the server rejects.
    const badCursor = await client.GET('/connectors', { params: { query: { cursor: 'page-2' } } });
    expect([unknownKey, noScope, otherOrg, badCursor].map(({ response }) => response.status)).toEqual([
      401, 403, 404, 422,
    ]);
  });

  test('rate limit: past the window the mock answers 429 with Retry-After, as the spec declares it', async () => {
    const burst = clientFor(world.mock.issueKey('org_a', ['connectors:read']));
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push((await burst.GET('/connectors', { params: { query: { limit: 1 } } })).response.status);
    expect(statuses).toEqual([...Array(30).fill(200), 429]);
  });

  test('invalid input: Prism reports only the request violation; the mock answers 422 within the spec', async () => {
    const { response } = await client.GET('/connectors', { params: { query: { limit: 0 } } });
    expect(response.status).toBe(422);
    expect(spec.takeViolations()).toEqual([expect.objectContaining({ location: ['request', 'query', 'limit'] })]);
  });

  test('control: a response outside the spec (a gateway HTML page) is a response violation for Prism', async () => {
    world.mock.setFaults({ seed: 1, rate: 1, kinds: ['not_json'] });
    try {
      const response = await fetch(`${prism.baseUrl}/connectors`, {
        headers: { authorization: `Bearer ${world.keys.full}` },
      });
      expect(response.status).toBe(502);
      const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as Array<{ location: string[] }>;
      expect(violations.map((violation) => violation.location[0])).toContain('response');
    } finally {
      world.mock.setFaults(undefined);
    }
  });

  test('every operation of the spec answers 2xx through the proxy, with no violation either side', async () => {
    const operations = mockOperations(bundle);
    // Deletes last, so that every other operation still finds the records they remove.
    const ordered = [
      ...operations.filter((op) => op.kind !== 'delete'),
      ...operations.filter((op) => op.kind === 'delete'),
    ];
    const key = world.mock.issueKey('org_a', world.mock.engine.operations.map((op) => op.scope ?? '').filter(Boolean));
    const newest = (resource: string) => String(world.mock.world.items('org_a', resource).at(-1)?.data.id);
    const prefixes = new Map(
      [...new Set(operations.map((op) => op.resource).filter((name) => name !== undefined))].map((resource) => [
        world.mock.engine.prefixOf(resource),
        resource,
      ]),
    );
    /** The request example with every ID of a known resource pointed at a record of org A, and fresh handles. */
    const localise = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(localise);
      if (value && typeof value === 'object')
        return Object.fromEntries(
          Object.entries(value).map(([name, child]) => [
            name,
            name === 'handle' ? `proxied${Math.floor(Math.random() * 1e9)}` : localise(child),
          ]),
        );
      const prefix = typeof value === 'string' ? /^([a-z_]+)_[0-9a-f]{24}$/.exec(value)?.[1] : undefined;
      const resource = prefix ? prefixes.get(prefix) : undefined;
      return resource && prefix !== 'connector' ? newest(resource) : value;
    };
    const statuses: string[] = [];
    for (const op of ordered) {
      // Past the file's 30-a-minute window: each call in a minute of its own.
      world.clock.advance(MINUTE);
      const path = op.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
        const own = op.kind === 'list' ? op.parent : op.resource;
        return newest(own && op.kind !== 'example' ? own : `${name.replace(/_id$/, '')}s`);
      });
      const example = Object.values(
        op.source.operation.requestBody?.content?.['application/json']?.examples ?? {},
      )[0] as { value: unknown } | undefined;
      const response = await spec.fetch(
        new Request(`${prism.baseUrl}${path}`, {
          method: op.method,
          headers: {
            ...(op.needsAuth ? { authorization: `Bearer ${key}` } : {}),
            'content-type': 'application/json',
          },
          body: example ? JSON.stringify(localise(example.value)) : undefined,
        }),
      );
      statuses.push(`${op.operationId} ${response.status}${response.ok ? '' : ` ${await response.text()}`}`);
    }
    expect(statuses.filter((line) => !/ 2\d\d$/.test(line))).toEqual([]);
    expect(statuses).toHaveLength(operations.length);
  });
});
