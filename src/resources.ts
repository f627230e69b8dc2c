// The resource methods (macha.connectors.list, macha.agents.create, ...), built at run time from
// the generated operation table on objects without a prototype (a tag named like an
// Object.prototype member defines nothing global); their types are generated/client.ts's.
import type { Resources } from '../generated/operations.js';
import { type OperationEntry, operationTable } from '../generated/operations.js';
import { apiPromise, type Context, type Received, send } from './call.js';
import { InvalidArgumentError, machaError } from './errors.js';
import { patternOf } from './path-guard.js';
import type { APIPromise, CallOptions } from './types.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,128}$/;
/** Pages in a row with no items, while the cursor keeps changing, before listAll gives up. */
export const MAX_EMPTY_PAGES = 5;

/** A value for error messages: quoted, escaped and cut short, since it may be hostile or huge. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Splits a method's arguments (path values, body, query, options) and checks them. */
function splitArgs(operation: OperationEntry, args: unknown[]) {
  let index = operation.pathParams.length;
  const body = operation.body ? args[index++] : undefined;
  const query = operation.query.length > 0 ? (args[index++] as Record<string, unknown> | undefined) : undefined;
  const options = (args[index] ?? {}) as CallOptions;
  const path: Record<string, string> = {};
  operation.pathParams.forEach((param, position) => {
    const value = args[position];
    if (typeof value !== 'string' || (param.pattern !== null && !patternOf(param.pattern).test(value))) {
      throw new InvalidArgumentError(
        `Macha client: ${param.name} must be a string matching ${param.pattern ?? 'its schema'}, got ${shown(value)}`,
      );
    }
    path[param.name] = value;
  });
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(`Macha client: call options must be an object, got ${shown(options)}`);
  return { path, body, query, options };
}

/** Calls one operation with a method's arguments. */
async function callOperation(context: Context, operation: OperationEntry, args: unknown[], received: Received) {
  const { path, body, query, options } = splitArgs(operation, args);
  const headers: Record<string, string> = { ...options.headers };
  if (operation.idempotencyKey) {
    const key = options.idempotencyKey ?? crypto.randomUUID();
    if (!IDEMPOTENCY_KEY.test(key))
      throw new InvalidArgumentError(
        `Macha client: idempotencyKey must be 1-128 visible ASCII characters, got ${shown(key)}`,
      );
    headers['Idempotency-Key'] = key;
  }
  return send(
    context,
    {
      method: operation.method,
      path: operation.path,
      params: { path, query },
      body,
      headers,
      route: operation.regex,
      envelope: operation.envelope,
    },
    options,
    received,
  );
}

/** Yields every item of a list operation, following `meta.next_cursor` until it is null. */
async function* listAll(
  context: Context,
  operation: OperationEntry,
  args: unknown[],
): AsyncGenerator<unknown, void, undefined> {
  const queryIndex = operation.pathParams.length + (operation.body ? 1 : 0);
  const query = { ...(args[queryIndex] as Record<string, unknown> | undefined) };
  const sent = new Set<unknown>([query.cursor]);
  const invalid = (message: string) => machaError({ status: 200, code: 'invalid_response', message });
  for (let empty = 0; ; ) {
    const pageArgs = [...args];
    pageArgs[queryIndex] = query;
    const page = (await callOperation(context, operation, pageArgs, {})) as {
      data: unknown;
      meta: { next_cursor?: unknown };
    };
    const next = page.meta.next_cursor;
    if (!Array.isArray(page.data) || (next !== null && typeof next !== 'string'))
      throw invalid('A list page has no data array or no next_cursor (string or null).');
    yield* page.data;
    if (next === null) return;
    if (sent.has(next))
      throw invalid(
        `Pagination loop: the API returned cursor ${shown(next)} again; stopping instead of fetching a page twice.`,
      );
    empty = page.data.length === 0 ? empty + 1 : 0;
    if (empty >= MAX_EMPTY_PAGES)
      throw invalid(
        `Pagination stalled: ${MAX_EMPTY_PAGES} pages in a row were empty but had a next_cursor; ` +
          'stopping instead of paging forever.',
      );
    sent.add(next);
    query.cursor = next;
  }
}

/** Builds the resource methods from the operation table (the generated one), on prototype-less objects. */
export function createResources(
  context: Context,
  table: Readonly<Record<string, OperationEntry>> = operationTable,
): Resources {
  const resources: Record<string, Record<string, unknown>> = Object.create(null);
  for (const operation of Object.values(table)) {
    const methods = (resources[operation.resource] ??= Object.create(null) as Record<string, unknown>);
    methods[operation.action] = (...args: unknown[]): APIPromise<unknown> =>
      apiPromise((received) => callOperation(context, operation, args, received));
    if (operation.paginated)
      methods[`${operation.action}All`] = (...args: unknown[]) => listAll(context, operation, args);
  }
  return resources as unknown as Resources;
}
