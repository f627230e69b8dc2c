// @ts-check
// Lint check: raw HTML in a markdown field may only be plain formatting. The docs page renders
// every description as HTML, so a `<script>`, an `<iframe srcdoc>`, a `<style>`, a
// `<meta http-equiv=refresh>` or an `on*=` attribute in any of them is refused here, with the file
// and line, before it reaches a page. Markdown's own syntax (and code, where `<key>` is text) is fine.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { pointerToken } from './openapi.mjs';
import { StepError } from './steps.mjs';

/** Tags that only format text. */
const PLAIN_TAGS = new Set(
  [
    'a abbr b blockquote br code del em h1 h2 h3 h4 h5 h6 hr i kbd li ol p pre s small strong sub sup',
    'table tbody td th thead tr u ul',
  ]
    .join(' ')
    .split(' '),
);
/** Attributes allowed on those tags; `href` only to http(s), mailto or an anchor. */
const PLAIN_ATTRIBUTES = new Set(['href', 'title', 'align', 'colspan', 'rowspan']);

/**
 * Markdown with its code (fenced blocks and inline spans) blanked, keeping line breaks, so that a
 * `<key>` in code is not taken for a tag and reported lines stay right.
 * @param {string} text
 */
function withoutCode(text) {
  const blank = (/** @type {string} */ code) => code.replace(/[^\n]/g, ' ');
  return text
    .replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?(?:^ {0,3}\2[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

/**
 * The problems of one markdown text: each raw HTML tag that is not plain formatting.
 * @param {string} text
 * @returns {{ line: number, problem: string }[]}
 */
export function htmlProblems(text) {
  const problems = [];
  const source = withoutCode(text);
  const tags = /<(!--|[a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;
  for (const match of source.matchAll(tags)) {
    const [, name = '', rest = ''] = match;
    const line = source.slice(0, match.index).split('\n').length;
    if (name === '!--') continue;
    // An autolink (<https://…>, <a@b.c>) is markdown, not HTML.
    if (/^[a-z][\w+.-]*:\S*$/i.test(`${name}${rest}`.replace(/>$/, '')) || /@/.test(name + rest.split(/\s/)[0])) {
      continue;
    }
    const tag = name.toLowerCase();
    if (!PLAIN_TAGS.has(tag)) {
      problems.push({ line, problem: `raw HTML <${tag}> is not plain formatting: use markdown, or put it in code` });
      continue;
    }
    for (const attribute of rest.matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attributeName = (attribute[1] ?? '').toLowerCase();
      const value = (attribute[2] ?? '').replace(/^["']|["']$/g, '').trim();
      const safeHref = attributeName === 'href' && /^(https?:|mailto:|#)/i.test(value);
      if (!PLAIN_ATTRIBUTES.has(attributeName) || (attributeName === 'href' && !safeHref)) {
        problems.push({ line, problem: `raw HTML <${tag} ${attributeName}=…> is not plain formatting` });
      }
    }
  }
  return problems;
}

/**
 * Every file under a folder, recursively.
 * @param {string} folder
 * @returns {Promise<string[]>}
 */
async function filesUnder(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The markdown texts of one YAML file of the spec: every string `description` value, with its line.
 * @param {string} text
 * @returns {{ line: number, text: string }[]}
 */
function yamlDescriptions(text) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  /** @type {{ line: number, text: string }[]} */
  const found = [];
  visit(document, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'description' || !isScalar(pair.value)) return;
      if (typeof pair.value.value !== 'string' || !pair.value.range) return;
      // A block scalar (`|`, `>`) starts on the line after its indicator.
      const start = lineCounter.linePos(pair.value.range[0]).line;
      const block = pair.value.type === 'BLOCK_LITERAL' || pair.value.type === 'BLOCK_FOLDED';
      found.push({ line: start + (block ? 1 : 0), text: pair.value.value });
    },
  });
  return found;
}

/**
 * Every string `description` of the bundle with its JSON pointer (for texts no spec file holds).
 * @param {unknown} node
 * @param {string} pointer
 * @returns {{ pointer: string, text: string }[]}
 */
function bundleDescriptions(node, pointer = '#') {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${pointer}/${pointerToken(key)}`;
    return key === 'description' && typeof value === 'string'
      ? [{ pointer: here, text: value }]
      : bundleDescriptions(value, here);
  });
}

/**
 * The lint check: raw HTML that is not plain formatting, in every markdown of the spec (`*.md`
 * under spec/, every `description` of its YAML files) and of the bundle. Each problem names the
 * file and line (`spec/tags/Agents.md:3: …`), or the bundle pointer when no spec file holds it.
 * @param {{ root: string, bundle?: Record<string, any> }} input
 * @returns {Promise<string[]>}
 */
export async function markdownHtml({ root, bundle }) {
  const problems = [];
  const checked = new Set();
  for (const file of (await filesUnder(path.join(root, 'spec'))).sort()) {
    const shown = path.relative(root, file);
    if (file.endsWith('.md')) {
      const text = await readFile(file, 'utf8');
      checked.add(text.trim());
      for (const { line, problem } of htmlProblems(text)) problems.push(`${shown}:${line}: ${problem}`);
    } else if (/\.ya?ml$/.test(file)) {
      for (const found of yamlDescriptions(await readFile(file, 'utf8'))) {
        checked.add(found.text.trim());
        for (const { line, problem } of htmlProblems(found.text)) {
          problems.push(`${shown}:${found.line + line - 1}: ${problem}`);
        }
      }
    }
  }
  for (const { pointer, text } of bundleDescriptions(bundle)) {
    if (checked.has(text.trim())) continue;
    for (const { line, problem } of htmlProblems(text)) problems.push(`bundle ${pointer} (line ${line}): ${problem}`);
  }
  return problems;
}

/**
 * markdownHtml as a lint step: throws a StepError listing every problem.
 * @param {{ root: string, bundle?: Record<string, any> }} input
 */
export async function assertMarkdownHtml(input) {
  const problems = await markdownHtml(input);
  if (problems.length > 0) throw new StepError(problems.join('\n'));
}
