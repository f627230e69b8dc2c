// @ts-check
// The package README's method reference, generated from the spec the way openai-node's api.md
// is: every resource with its methods, their HTTP routes and summaries, and the types they use.
import { componentName, resolve } from './openapi.mjs';
import { clientMethods, successSchema } from './operations.mjs';

/**
 * Markdown: one section per resource, one line per method.
 * @param {any} bundle
 */
export function methodReference(bundle) {
  /** @type {Map<string, string[]>} */
  const sections = new Map();
  for (const { entry, names } of clientMethods(bundle)) {
    const { operation } = entry;
    const args = entry.parameters
      .filter((p) => p.in === 'path')
      .map((p) => p.name)
      .concat(operation.requestBody ? ['body'] : [])
      .concat(entry.parameters.some((p) => p.in === 'query') ? ['params?'] : [])
      .concat(['options?']);
    const body = componentName(resolve(bundle, operation.requestBody)?.content?.['application/json']?.schema?.$ref);
    const result = componentName(successSchema(bundle, operation)?.$ref);
    const route = `\`${entry.method.toUpperCase()} ${entry.path}\``;
    const types = [body && `body \`${body}\``, result && `returns \`${result}\``].filter(Boolean).join(', ');
    const deprecated = operation.deprecated ? ' **Deprecated.**' : '';
    const lines = sections.get(names.resource) ?? [];
    sections.set(names.resource, lines);
    const call = `macha.${names.resource}.${names.action}`;
    const summary = `${operation.summary ?? ''}${types ? ` (${types})` : ''}`;
    lines.push(`- \`${call}(${args.join(', ')})\`: ${route}. ${summary}.${deprecated}`);
    if (names.paginated)
      lines.push(`- \`${call}All(${args.join(', ')})\`: every item of \`${names.action}\`, page after page.`);
  }
  return [...sections].map(([resource, lines]) => `### \`macha.${resource}\`\n\n${lines.join('\n')}\n`).join('\n');
}
