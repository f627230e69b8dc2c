// @ts-check
// llms.txt (an index: one line per guide page and operation, a link and one sentence) and
// llms-full.txt (the whole reference as Markdown) for AI agents, from the bundle only: the same
// bundle gives the same bytes, so CI can compare them.
import { componentName, operations, resolve } from './openapi.mjs';

/** The page the links point into (llms files sit next to it). */
const PAGE = 'index.html';

/**
 * Redoc's anchor slug of a heading or tag name (its `safeSlugify`: words joined by `-`).
 * @param {string} text
 */
function slug(text) {
  return encodeURIComponent(
    text
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^\w-]+/g, '')
      .replace(/--+/g, '-'),
  );
}

/**
 * The first sentence of a markdown text, as plain text on one line.
 * @param {string | undefined} markdown
 */
function firstSentence(markdown) {
  const text = (markdown ?? '')
    .split('\n')
    .filter((line) => !/^\s*(#|\||```|!\[)/.test(line))
    .map((line) => line.replace(/^\s*(?:\d+\.|[-*])\s+/, ''))
    .join(' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return (/^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text).trim();
}

/**
 * The guide pages: each `#` section of info.description (the text before the first heading is the
 * introduction), then each tag that has no operation (a guide page of its own, like the client's).
 * @param {Record<string, any>} bundle
 * @returns {{ title: string, anchor: string, markdown: string }[]}
 */
export function guidePages(bundle) {
  const pages = [];
  let inCode = false;
  /** @type {{ title: string, anchor: string, lines: string[] }} */
  let current = { title: 'Introduction', anchor: '', lines: [] };
  const sections = [current];
  for (const line of String(bundle.info?.description ?? '').split('\n')) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    const title = inCode ? undefined : /^# (.+)$/.exec(line)?.[1]?.trim();
    if (title) {
      current = { title, anchor: `#section/${slug(title)}`, lines: [] };
      sections.push(current);
    } else current.lines.push(line);
  }
  for (const section of sections) {
    const markdown = section.lines.join('\n').trim();
    if (markdown) pages.push({ title: section.title, anchor: section.anchor, markdown });
  }
  const tagged = new Set(operations(bundle).flatMap(({ operation }) => operation.tags ?? []));
  for (const tag of bundle.tags ?? []) {
    if (!tagged.has(tag.name) && tag.description) {
      pages.push({
        title: tag['x-displayName'] ?? tag.name,
        anchor: `#tag/${slug(tag.name)}`,
        markdown: tag.description.trim(),
      });
    }
  }
  return pages;
}

/**
 * Redoc's anchor of an operation (`#tag/Custom-tools/operation/listCustomTools`).
 * @param {import('./openapi.mjs').Operation} op
 */
export function operationAnchor(op) {
  return `#tag/${slug(op.operation.tags?.[0] ?? '')}/operation/${op.operationId}`;
}

/**
 * llms.txt: the title, the summary, then one line per guide page and per operation.
 * @param {Record<string, any>} bundle
 */
export function llmsIndex(bundle) {
  const lines = [
    `# ${bundle.info?.title ?? 'API'}`,
    '',
    `> ${bundle.info?.summary ?? firstSentence(bundle.info?.description)}`,
  ];
  lines.push('', `Full reference as Markdown: [llms-full.txt](llms-full.txt)`, '', '## Guides', '');
  for (const page of guidePages(bundle)) {
    lines.push(`- [${page.title}](${PAGE}${page.anchor}): ${firstSentence(page.markdown)}`);
  }
  lines.push('', '## Operations', '');
  for (const op of operations(bundle)) {
    const summary = firstSentence(op.operation.description) || op.operation.summary;
    lines.push(
      `- [${op.method.toUpperCase()} ${op.path}](${PAGE}${operationAnchor(op)}): ${op.operation.summary}. ${summary}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A schema's type in one line: a component's name, or the type with its format and enum.
 * @param {Record<string, any>} bundle
 * @param {any} schema
 * @returns {string}
 */
function typeOf(bundle, schema) {
  if (!schema || typeof schema !== 'object') return 'any';
  if (typeof schema.$ref === 'string') return componentName(schema.$ref) ?? schema.$ref;
  if (schema.type === 'array') return `array of ${typeOf(bundle, schema.items)}`;
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(schema[key]))
      return schema[key].map((/** @type {any} */ s) => typeOf(bundle, s)).join(key === 'allOf' ? ' & ' : ' | ');
  }
  const base = [schema.type ?? 'any'].flat().join(' | ');
  const extra = [
    schema.format && `format ${schema.format}`,
    schema.enum && `one of ${schema.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)).join(', ')}`,
  ].filter(Boolean);
  return extra.length > 0 ? `${base} (${extra.join('; ')})` : base;
}

/**
 * One line of text from a description (tables and lists kept on one line).
 * @param {string | undefined} text
 */
function oneLine(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The fields of an object schema (through its $ref), one list item each.
 * @param {Record<string, any>} bundle
 * @param {any} schema
 */
function fieldLines(bundle, schema) {
  /** @type {Map<string, any>} */
  const properties = new Map();
  /** @type {Set<string>} */
  const required = new Set();
  // The fields of the schema and of its allOf parts are always there; those only in one anyOf or
  // oneOf branch are listed too, as optional.
  const collect = (/** @type {any} */ node, /** @type {boolean} */ always) => {
    const target = resolve(bundle, node);
    if (!target || typeof target !== 'object') return;
    for (const [name, property] of Object.entries(target.properties ?? {})) {
      if (!properties.has(name)) properties.set(name, property);
    }
    if (always) for (const name of target.required ?? []) required.add(name);
    for (const part of target.allOf ?? []) collect(part, always);
    for (const part of [...(target.anyOf ?? []), ...(target.oneOf ?? [])]) collect(part, false);
  };
  collect(schema, true);
  return [...properties].map(([name, property]) => {
    const flag = required.has(name) ? 'required' : 'optional';
    const description = oneLine(resolve(bundle, property)?.description ?? property.description);
    return `  - \`${name}\` (${typeOf(bundle, property)}, ${flag})${description ? `: ${description}` : ''}`;
  });
}

/**
 * The first example of a media type, as JSON.
 * @param {Record<string, any>} bundle
 * @param {any} media
 */
function firstExample(bundle, media) {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const [first] = Object.values(media.examples ?? {});
  return first === undefined ? undefined : resolve(bundle, first)?.value;
}

/**
 * The error codes a response's examples carry (`error.code`).
 * @param {Record<string, any>} bundle
 * @param {any} media
 */
function errorCodes(bundle, media) {
  return Object.values(media?.examples ?? {})
    .map((example) => resolve(bundle, example)?.value?.error?.code)
    .filter((code) => typeof code === 'string');
}

/**
 * The scope line of an operation: its `x-required-scope`, or that it needs no key when its effective
 * `security` lets an anonymous caller in (an empty list, or an empty requirement such as `GET /`).
 * @param {Record<string, any>} bundle
 * @param {any} operation
 */
function scopeLine(bundle, operation) {
  if (operation['x-required-scope']) return `- Scope: \`${operation['x-required-scope']}\``;
  const security = operation.security ?? bundle.security;
  const anonymous = Array.isArray(security) && (security.length === 0 || security.some((r) => !Object.keys(r).length));
  return anonymous ? '- Scope: none, no API key needed' : undefined;
}

/**
 * One operation as Markdown.
 * @param {Record<string, any>} bundle
 * @param {import('./openapi.mjs').Operation} op
 */
function operationMarkdown(bundle, op) {
  const { operation } = op;
  const lines = [`### ${op.method.toUpperCase()} ${op.path}: ${operation.summary}`, ''];
  lines.push(`- Operation: \`${op.operationId}\``);
  const scope = scopeLine(bundle, operation);
  if (scope) lines.push(scope);
  lines.push('', operation.description?.trim() ?? '', '');
  if (op.parameters.length > 0) {
    lines.push('Parameters:', '');
    for (const parameter of op.parameters) {
      const what = [parameter.in, typeOf(bundle, parameter.schema), parameter.required ? 'required' : 'optional'];
      lines.push(`- \`${parameter.name}\` (${what.join(', ')}): ${oneLine(parameter.description)}`);
    }
    lines.push('');
  }
  const body = resolve(bundle, operation.requestBody);
  if (body?.content) {
    for (const [type, media] of Object.entries(body.content)) {
      lines.push(
        `Request body (\`${type}\`, ${body.required ? 'required' : 'optional'}): ${typeOf(bundle, media.schema)}`,
      );
      lines.push(...fieldLines(bundle, media.schema), '');
      const example = firstExample(bundle, media);
      if (example !== undefined)
        lines.push('Example request body:', '', '```json', JSON.stringify(example, null, 2), '```', '');
    }
  }
  lines.push('Responses:', '');
  let successExample;
  for (const [status, ref] of Object.entries(operation.responses ?? {})) {
    const response = resolve(bundle, ref);
    const media = response?.content?.['application/json'] ?? Object.values(response?.content ?? {})[0];
    const codes = errorCodes(bundle, media);
    const schema = media?.schema ? ` ${typeOf(bundle, media.schema)}.` : '';
    const codeText = codes.length > 0 ? ` Error codes: ${codes.map((code) => `\`${code}\``).join(', ')}.` : '';
    lines.push(`- ${status}:${schema} ${oneLine(response?.description)}${codeText}`);
    if (successExample === undefined && /^2/.test(status)) successExample = firstExample(bundle, media);
  }
  lines.push('');
  if (successExample !== undefined) {
    lines.push('Example response:', '', '```json', JSON.stringify(successExample, null, 2), '```', '');
  }
  return lines.join('\n');
}

/**
 * llms-full.txt: the guide pages, then every operation by tag, then the models.
 * @param {Record<string, any>} bundle
 */
export function llmsFull(bundle) {
  const info = bundle.info ?? {};
  const lines = [`# ${info.title ?? 'API'} (${info.version ?? ''})`, ''];
  if (info.summary) lines.push(`> ${info.summary}`, '');
  for (const server of bundle.servers ?? []) lines.push(`Base URL: ${server.url}`, '');
  for (const page of guidePages(bundle)) {
    // The guide's own headings move one level down, under the page's.
    const body = page.markdown.replace(/^(#{1,5}) /gm, '#$1 ');
    lines.push(`## ${page.title}`, '', body, '');
  }
  const byTag = new Map();
  for (const op of operations(bundle)) {
    const tag = op.operation.tags?.[0] ?? 'Other';
    byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
  }
  for (const [tag, ops] of byTag) {
    const description = (bundle.tags ?? []).find((/** @type {{ name: string }} */ t) => t.name === tag)?.description;
    lines.push(`## ${tag}`, '');
    if (description) lines.push(description.trim(), '');
    for (const op of ops) lines.push(operationMarkdown(bundle, op));
  }
  lines.push('## Models', '');
  for (const [name, schema] of Object.entries(bundle.components?.schemas ?? {})) {
    lines.push(`### ${name}`, '', `Type: ${typeOf(bundle, schema)}`, '');
    if (schema.description) lines.push(oneLine(schema.description), '');
    const fields = fieldLines(bundle, schema);
    if (fields.length > 0) lines.push('Fields:', '', ...fields.map((line) => line.slice(2)), '');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
