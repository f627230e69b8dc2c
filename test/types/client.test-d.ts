// Type-level tests of the client: what compiles and what must not.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createMachaClient,
  isMachaError,
  NotFoundError,
  toolRefs,
  type Agent,
  type AgentCreate,
  type ApiErrorCode,
  type Connector,
  type ConnectorDetail,
  type ErrorEnvelope,
  type MachaErrorCode,
  type Middleware,
  type ToolRef,
  type WithResponse,
} from '../../src/index.js';

const macha = createMachaClient({ apiKey: 'mka_live_x', baseUrl: 'http://localhost:4010' });
const ID = 'connector_64f1c0ef2ec711ef6dc1dcf0';

/** true when A and B are assignable to each other. */
type Equivalent<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('client types', () => {
  test('resource methods resolve to the typed success bodies', () => {
    expectTypeOf(macha.connectors.list).returns.resolves.toEqualTypeOf<{
      data: Connector[];
      meta: { request_id: string; next_cursor: string | null };
    }>();
    expectTypeOf(macha.connectors.retrieve).returns.resolves.toHaveProperty('data').toEqualTypeOf<ConnectorDetail>();
    expectTypeOf(macha.agents.create).returns.resolves.toHaveProperty('data').toEqualTypeOf<Agent>();
    expectTypeOf(macha.connectors.listAll).returns.toEqualTypeOf<AsyncGenerator<Connector, void, undefined>>();
    expectTypeOf(toolRefs).returns.toEqualTypeOf<ToolRef[]>();
  });

  test('arguments follow the spec', () => {
    void macha.connectors.list();
    void macha.connectors.list({ limit: 10, cursor: 'c' }, { maxRetries: 0, timeoutMs: 1000 });
    void macha.agents.create({ handle: 'h', name: 'n', instructions: 'i' }, { idempotencyKey: 'k' });
    // @ts-expect-error limit is a number
    void macha.connectors.list({ limit: '10' });
    // @ts-expect-error retrieve needs the ID
    void macha.connectors.retrieve();
    // @ts-expect-error an agent needs instructions or instructions_html
    void macha.agents.create({ handle: 'h', name: 'n' });
    // @ts-expect-error no such resource
    void macha.webhooks;
    // @ts-expect-error connectors are read-only in v1
    void macha.connectors.create;
  });

  test('the raw surface types error as the error envelope for every declared error status', async () => {
    // openapi-fetch maps the type (Readable<...>) and expect-type cannot compare `string & {}`,
    // so equality is checked as plain assignability both ways.
    const listed = await macha.GET('/connectors', { params: { query: { limit: 5 } } });
    expectTypeOf<Equivalent<NonNullable<typeof listed.error>, ErrorEnvelope>>().toEqualTypeOf<true>();
    const retrieved = await macha.GET('/connectors/{id}', { params: { path: { id: ID } } });
    expectTypeOf<Equivalent<NonNullable<typeof retrieved.error>, ErrorEnvelope>>().toEqualTypeOf<true>();
    const created = await macha.POST('/agents', { body: { handle: 'h', name: 'n', instructions: 'i' } });
    expectTypeOf<Equivalent<NonNullable<typeof created.error>, ErrorEnvelope>>().toEqualTypeOf<true>();
    expectTypeOf<NonNullable<typeof created.error>>().not.toBeAny();
    if (created.data) expectTypeOf(created.data.data).toEqualTypeOf<Agent>();
    // @ts-expect-error not a path of the spec
    void macha.GET('/webhooks');
    // @ts-expect-error connectors are read-only: no DELETE
    void macha.DELETE('/connectors/{id}', { params: { path: { id: ID } } });
  });

  test('withResponse gives the same body type and the Response', () => {
    expectTypeOf(macha.connectors.retrieve(ID).withResponse()).resolves.toEqualTypeOf<
      WithResponse<{ data: ConnectorDetail; meta: { request_id: string } }>
    >();
  });

  test("error codes: the spec's codes and the client's are known, any string is accepted", () => {
    expectTypeOf<'not_found' | 'rate_limited'>().toExtend<ApiErrorCode>();
    expectTypeOf<ApiErrorCode | 'timeout' | 'invalid_argument'>().toExtend<MachaErrorCode>();
    expectTypeOf<'some_future_code'>().toExtend<MachaErrorCode>();
    const error: unknown = new Error();
    if (isMachaError(error)) expectTypeOf(error.code).toEqualTypeOf<MachaErrorCode>();
    if (error instanceof NotFoundError) expectTypeOf(error.status).toEqualTypeOf<number>();
  });

  test('declarations use named types and named parameters', () => {
    expectTypeOf(macha.agents.create).parameter(0).toExtend<AgentCreate>();
    expectTypeOf(macha.connectors.retrieve).parameters.toEqualTypeOf<
      [id: string, options?: import('../../src/index.js').CallOptions]
    >();
  });

  test('Middleware is re-exported, and use() takes it', () => {
    const middleware: Middleware = { onRequest: () => undefined };
    macha.use(middleware);
  });

  test('the escape hatch is typed by its caller', () => {
    expectTypeOf(macha.request<{ ok: true }>('GET', '/webhooks')).resolves.toEqualTypeOf<{ ok: true }>();
  });
});
