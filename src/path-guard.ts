// Refuses any request whose URL is not a path of the spec with parameters that match their
// patterns, so no ID (`../agents`, `%2e%2e`, a look-alike) can steer a request elsewhere.
import { operationTable } from '../generated/operations.js';

interface Route {
  method: string;
  regex: RegExp;
  params: { name: string; pattern: RegExp | null; maxLength: number | null }[];
}

const patterns = new Map<string, RegExp>();
/** The compiled pattern of a path parameter, compiled once for the route check and the resource methods' argument check. */
export function patternOf(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, 'u')));
  return regex;
}

const routes: Route[] = Object.values(operationTable).map((operation) => ({
  method: operation.method.toUpperCase(),
  regex: new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`),
  params: operation.pathParams.map((param) => ({
    name: param.name,
    pattern: param.pattern ? patternOf(param.pattern) : null,
    maxLength: param.maxLength,
  })),
}));

/**
 * Throws TypeError unless method and URL name an operation of the spec below baseUrl. Both URLs
 * are normalized (a Request's URL, and resolveOptions' baseUrl without its trailing slash), so a
 * prefix of the string is a prefix of origin and path: no URL parsing on every call.
 */
export function assertSpecRoute(method: string, url: string, baseUrl: string): void {
  const refuse = (why: string) =>
    new TypeError(`Macha client: refusing to send ${method} ${new URL(url).pathname}: ${why}`);
  if (!url.startsWith(`${baseUrl}/`)) throw refuse('it is not below the baseUrl');
  const path = url.slice(baseUrl.length).replace(/[?#][\s\S]*$/, '');
  for (const route of routes) {
    const match = route.method === method ? route.regex.exec(path) : null;
    if (!match) continue;
    const bad = route.params.find((param, index) => {
      let value: string;
      try {
        value = decodeURIComponent(match[index + 1] ?? '');
      } catch {
        return true;
      }
      return (
        (param.maxLength !== null && value.length > param.maxLength) ||
        (param.pattern !== null && !param.pattern.test(value))
      );
    });
    if (bad) throw refuse(`path parameter ${bad.name} does not match ${bad.pattern?.source ?? 'its schema'}`);
    return;
  }
  throw refuse('no operation of the Macha API spec has this method and path');
}
