// The resource methods (macha.connectors.list, macha.agents.create, ...), built at run time from
// the generated operation table and typed from the generated operation types, so that a new
// operation in the spec becomes a method without hand-written code.
import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  mergeHeaders,
  type Client,
} from 'openapi-fetch';
import { operationTable } from '../generated/operations.js';
import type { operations, paths } from '../generated/schema.js';
import { MachaError } from './errors.js';
import { checkNumber, type CallOptions, type ResolvedOptions } from './options.js';
import { patternOf } from './path-guard.js';
import { errorFrom, successBody, type TextResult } from './parse.js';
import { createTransport, send, type CallSettings } from './transport.js';

type Table = typeof operationTable;
/** The operationIds the client has methods for. */
export type OperationId = keyof Table & keyof operations;

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<K extends OperationId> = operations[K]['responses'];
/** The success body ({data, meta}) of an operation. */
export type SuccessBody<K extends OperationId> = {
  [S in keyof Responses<K>]: S extends 200 | 201 | 202 | 203 ? JsonContent<Responses<K>[S]> : never;
}[keyof Responses<K>];
type Query<K extends OperationId> = NonNullable<operations[K]['parameters']['query']>;
type Body<K extends OperationId> = JsonContent<NonNullable<operations[K]['requestBody']>>;
type PathArgs<P> = { -readonly [I in keyof P]: string };
type BodyArgs<K extends OperationId> = Table[K]['body'] extends true ? [Body<K>] : [];
type QueryArgs<K extends OperationId> = Table[K]['query'] extends readonly []
  ? []
  : object extends Query<K>
    ? [Query<K>?]
    : [Query<K>];
/** A method's arguments: path parameters in URL order, then the body, then the query, then call options. */
export type MethodArgs<K extends OperationId> = [
  ...PathArgs<Table[K]['pathParams']>,
  ...BodyArgs<K>,
  ...QueryArgs<K>,
  CallOptions?,
];
/** One item of a list operation's page. */
export type ListItem<K extends OperationId> = SuccessBody<K> extends { data: (infer Item)[] } ? Item : never;

type ResourceOf<K extends OperationId> = Table[K]['resource'];
type ActionOf<K extends OperationId> = Table[K]['action'];
/** The methods of one resource: one per operation, plus `listAll` for each paginated list. */
export type Resource<R extends string> = {
  [K in OperationId as ResourceOf<K> extends R ? ActionOf<K> : never]: (
    ...args: MethodArgs<K>
  ) => Promise<SuccessBody<K>>;
} & {
  [K in OperationId as ResourceOf<K> extends R
    ? Table[K]['paginated'] extends true
      ? `${ActionOf<K>}All`
      : never
    : never]: (...args: MethodArgs<K>) => AsyncGenerator<ListItem<K>, void, undefined>;
};
/** Every resource of the API, keyed by its tag in camelCase. */
export type Resources = { [R in ResourceOf<OperationId>]: Resource<R> };

type Operation = Table[OperationId];
type LooseRequest = (method: string, path: string, init: Record<string, unknown>) => Promise<TextResult>;
/** One call's request, as openapi-fetch takes it. */
type Init = {
  params: { path: Record<string, unknown>; query?: Record<string, unknown> | undefined };
  body: unknown;
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
};

/** What the resource methods call through: the transport directly, or openapi-fetch while middleware is registered on it (only openapi-fetch runs middleware). */
export interface Context {
  raw: Client<paths>;
  options: ResolvedOptions;
  /** The middleware registered on raw, as openapi-fetch holds it. */
  middleware: readonly unknown[];
}

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,128}$/;

/** A value for error messages: quoted, escaped and cut short, since it may be hostile or huge. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Splits a method's arguments back into path values, body, query and options (see MethodArgs). */
function splitArgs(operation: Operation, args: unknown[]) {
  let index = operation.pathParams.length;
  const body = operation.body ? args[index++] : undefined;
  const query = operation.query.length > 0 ? (args[index++] as Record<string, unknown> | undefined) : undefined;
  const options = (args[index] ?? {}) as CallOptions;
  const path = Object.fromEntries(
    operation.pathParams.map((param, position) => {
      const value = args[position];
      if (typeof value !== 'string' || (param.pattern !== null && !patternOf(param.pattern).test(value))) {
        throw new TypeError(
          `Macha client: ${param.name} must be a string matching ${param.pattern ?? 'its schema'}, got ${shown(value)}`,
        );
      }
      return [param.name, value];
    }),
  );
  return { path, body, query, options };
}

const querySerializer = createQuerySerializer();
const decoder = new TextDecoder();

/**
 * The call openapi-fetch would make, made without it: the same URL, headers and body (built by its
 * own serializers), without building a Request and re-reading the response (a sizeable share of a
 * call's CPU on Node); the result as openapi-fetch gives it with parseAs 'text'.
 */
async function direct(
  options: ResolvedOptions,
  settings: CallSettings,
  operation: Operation,
  { params, body, headers, signal }: Init,
): Promise<TextResult> {
  const merged = mergeHeaders(body === undefined ? {} : { 'Content-Type': 'application/json' }, headers);
  const { response, body: received } = await send(options, settings, {
    target: createFinalURL(operation.path, {
      baseUrl: options.baseUrl,
      params,
      querySerializer,
      pathSerializer: defaultPathSerializer,
    }),
    method: operation.method.toUpperCase(),
    headers: merged,
    // openapi-fetch's serializer, with the headers it reads the Content-Type from (its types omit that argument).
    body:
      body === undefined ? null : (defaultBodySerializer as (body: unknown, headers: Headers) => string)(body, merged),
    signal,
  });
  // As openapi-fetch gives it: no content is undefined (an empty text parses to nothing either way).
  const text = received?.length ? decoder.decode(received) : undefined;
  return response.ok ? { data: text, response } : { error: text, response };
}

/** Calls one operation and resolves with its success body, or throws MachaError. */
async function callOperation(
  { raw, options, middleware }: Context,
  operation: Operation,
  args: unknown[],
): Promise<unknown> {
  const { path, body, query, options: call } = splitArgs(operation, args);
  const headers: Record<string, string> = { ...call.headers };
  if (operation.idempotencyKey) {
    const key = call.idempotencyKey ?? crypto.randomUUID();
    if (!IDEMPOTENCY_KEY.test(key))
      throw new TypeError(`Macha client: idempotencyKey must be 1-128 visible ASCII characters, got ${shown(key)}`);
    headers['Idempotency-Key'] = key;
  }
  const settings = {
    maxRetries: call.maxRetries === undefined ? options.maxRetries : checkNumber('maxRetries', call.maxRetries, 0),
    timeoutMs: call.timeoutMs === undefined ? options.timeoutMs : checkNumber('timeoutMs', call.timeoutMs, 1),
  };
  const init: Init = { params: { path, query }, body, headers, signal: call.signal };
  const result = middleware.length
    ? await (raw.request as unknown as LooseRequest).call(raw, operation.method, operation.path, {
        ...init,
        parseAs: 'text',
        fetch: createTransport(options, settings),
      })
    : await direct(options, settings, operation, init);
  if (result.response.ok) return successBody(result, options.apiKey);
  throw errorFrom(result, options.apiKey);
}

/** Yields every item of a list operation, following `meta.next_cursor` until it is null. */
async function* listAll(
  context: Context,
  operation: Operation,
  args: unknown[],
): AsyncGenerator<unknown, void, undefined> {
  const queryIndex = operation.pathParams.length + (operation.body ? 1 : 0);
  const query = { ...(args[queryIndex] as Record<string, unknown> | undefined) };
  const sent = new Set<unknown>([query.cursor]);
  for (;;) {
    const pageArgs = [...args];
    pageArgs[queryIndex] = query;
    const page = (await callOperation(context, operation, pageArgs)) as {
      data: unknown;
      meta: { next_cursor?: unknown };
    };
    const next = page.meta.next_cursor;
    if (!Array.isArray(page.data) || (next !== null && typeof next !== 'string')) {
      throw new MachaError({
        status: 200,
        code: 'invalid_response',
        message: 'A list page has no data array or no next_cursor (string or null).',
      });
    }
    yield* page.data;
    if (next === null) return;
    if (sent.has(next)) {
      throw new MachaError({
        status: 200,
        code: 'invalid_response',
        message: `Pagination loop: the API returned cursor ${shown(next)} again; stopping instead of fetching a page twice.`,
      });
    }
    sent.add(next);
    query.cursor = next;
  }
}

/** Builds the resource methods from the operation table. */
export function createResources(context: Context): Resources {
  const resources: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
  for (const operation of Object.values(operationTable) as Operation[]) {
    const methods = (resources[operation.resource] ??= {});
    methods[operation.action] = (...args) => callOperation(context, operation, args);
    if (operation.paginated) methods[`${operation.action}All`] = (...args) => listAll(context, operation, args);
  }
  return resources as unknown as Resources;
}
