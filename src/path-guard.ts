// Refuses any request whose URL is not a path of the spec with parameters that match their
// patterns, so no ID (`../agents`, `%2e%2e`, a look-alike) can steer a request elsewhere. The
// route regexes come ready-made from the generated table (openapi.mjs' pathRegexSource).
import { operationTable } from '../generated/operations.js';
import { InvalidArgumentError } from './errors.js';

interface Param {
  name: string;
  pattern: RegExp | null;
  maxLength: number | null;
}
interface Route {
  regex: RegExp;
  params: Param[];
}

const patterns = new Map<string, RegExp>();
/** The compiled pattern of a path parameter, compiled once for the route check and the argument check. */
export function patternOf(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, 'u')));
  return regex;
}

const routesByMethod = new Map<string, Route[]>();
const routesBySource = new Map<string, Route>();
const routesByTemplate = new Map<string, Route>();
for (const operation of Object.values(operationTable)) {
  const method = operation.method.toUpperCase();
  const route: Route = {
    regex: new RegExp(operation.regex),
    params: operation.pathParams.map((param) => ({
      name: param.name,
      pattern: param.pattern === null ? null : patternOf(param.pattern),
      maxLength: param.maxLength,
    })),
  };
  routesBySource.set(`${method} ${operation.regex}`, route);
  routesByTemplate.set(`${method} ${operation.path}`, route);
  const list = routesByMethod.get(method) ?? [];
  list.push(route);
  routesByMethod.set(method, list);
}

/** Whether a path parameter's value breaks its schema. */
function breaks(param: Param, value: string): boolean {
  return (
    (param.maxLength !== null && value.length > param.maxLength) ||
    (param.pattern !== null && !param.pattern.test(value))
  );
}

/** The first path parameter of a matched route that breaks its schema, or undefined. */
function badParam(route: Route, match: RegExpExecArray): Param | undefined {
  return route.params.find((param, index) => {
    try {
      return breaks(param, decodeURIComponent(match[index + 1] ?? ''));
    } catch {
      return true;
    }
  });
}

/** The refusal of a request the key must not go to. */
function refusal(method: string, path: string, why: string): InvalidArgumentError {
  return new InvalidArgumentError(`Macha client: refusing to send ${method} ${path}: ${why}`);
}

/**
 * Throws InvalidArgumentError unless a raw-surface call (`macha.GET(path, { params })`) names an
 * operation of the spec with path values that match their schemas. Checked before openapi-fetch
 * builds the Request, whose URL resolves `..`: `/connectors/..` would reach `GET /` otherwise.
 * A literal path (no template) is checked as it is, before any normalization.
 */
export function assertRawCall(method: string, path: string, pathParams: unknown, baseUrl: string): void {
  const route = routesByTemplate.get(`${method} ${path}`);
  if (!route) {
    if (path.includes('{')) throw refusal(method, path, 'no operation of the Macha API spec has this method and path');
    assertSpecRoute(method, `${baseUrl}${path}`, baseUrl);
    return;
  }
  const values = (typeof pathParams === 'object' && pathParams !== null ? pathParams : {}) as Record<string, unknown>;
  for (const param of route.params) {
    const value = values[param.name];
    if (typeof value !== 'string' || breaks(param, value))
      throw refusal(
        method,
        path,
        `path parameter ${param.name} does not match ${param.pattern?.source ?? 'its schema'}`,
      );
  }
}

/**
 * Throws InvalidArgumentError unless method and URL name an operation of the spec below baseUrl.
 * Both URLs are normalized (a Request's URL, and baseUrl without its trailing slash), so a string
 * prefix is a prefix of origin and path. `expected` (an operation's regex source) is tried first.
 */
export function assertSpecRoute(method: string, url: string, baseUrl: string, expected?: string): void {
  const refuse = (why: string) => refusal(method, new URL(url).pathname, why);
  if (!url.startsWith(`${baseUrl}/`)) throw refuse('it is not below the baseUrl');
  const path = url.slice(baseUrl.length).replace(/[?#][\s\S]*$/, '');
  const first = expected === undefined ? undefined : routesBySource.get(`${method} ${expected}`);
  let refused: Param | undefined;
  for (const route of first ? [first, ...(routesByMethod.get(method) ?? [])] : (routesByMethod.get(method) ?? [])) {
    const match = route.regex.exec(path);
    if (!match) continue;
    const bad = badParam(route, match);
    if (!bad) return;
    refused ??= bad;
  }
  if (refused) throw refuse(`path parameter ${refused.name} does not match ${refused.pattern?.source ?? 'its schema'}`);
  throw refuse('no operation of the Macha API spec has this method and path');
}
