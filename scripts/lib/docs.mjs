// @ts-check
// The docs step: one self-contained page, dist/docs/index.html, with Redoc's published standalone
// bundle (`redoc/bundles/redoc.standalone.js`, what Redoc's README tells a page to load) and the
// bundled spec inlined, so it works offline and sends no request; plus llms.txt and llms-full.txt.
// Redoc renders in the browser with `Redoc.init`; the only inline script is allowed by its hash.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { guidePages, llmsFull, llmsIndex } from './llms.mjs';
import { componentName, operations, refTarget } from './openapi.mjs';
import { StepError } from './steps.mjs';

const TEMPLATE = path.join(import.meta.dirname, 'docs-template.hbs');
const REDOC_BUNDLE = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');

/** The tag (and tag group) under which Redoc lists every component schema: the models section. */
export const MODELS_TAG = 'Models';

/**
 * Redoc's options. The layout fixes that Redoc's theme can express live here; the rest is CSS in
 * docs-template.hbs. `sanitize` runs every markdown field through DOMPurify, under the CSP.
 */
const REDOC_OPTIONS = {
  sanitize: true,
  hideDownloadButton: true,
  schemaDefinitionsTagName: MODELS_TAG,
  showObjectSchemaExamples: true,
  expandResponses: '200,201',
  theme: {
    // Code wraps rather than being clipped: a reader sees every character without a scrollbar.
    typography: { code: { wrap: true } },
    sidebar: { width: '260px' },
  },
};

/**
 * Redoc's `scrollYOffset`, as a function (Redoc reads a selector's height once, at start): the
 * bottom of the header bar of narrow screens (docs-template.hbs), so that anchors scroll and the
 * menu opens below it, plus 1 px. Why the pixel: a link to a model (`#schema/ApiError`) lets the
 * browser jump first, which leaves the section a fraction of a pixel below the top; Redoc's scroll
 * spy counts that as not reached and rewrote the URL to the model before it (`#schema/ErrorCode`).
 */
const SCROLL_Y_OFFSET = "() => (document.getElementById('menu-bar')?.getBoundingClientRect().bottom ?? 0) + 1";

/** @param {string} text */
function escapeHtml(text) {
  /** @type {Record<string, string>} */
  const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/**
 * JSON safe inside an inline <script>: no `<` (so no `</script>`) and no line separators.
 * @param {unknown} value
 */
function scriptJson(value) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The component schemas an operation refers to, directly or through other schemas, by name.
 * @param {Record<string, any>} doc
 * @param {unknown} node
 * @param {Set<string>} [seen]
 * @returns {Set<string>}
 */
function schemasUsed(doc, node, seen = new Set()) {
  if (Array.isArray(node)) for (const item of node) schemasUsed(doc, item, seen);
  else if (node && typeof node === 'object') {
    const ref = /** @type {{ $ref?: unknown }} */ (node).$ref;
    if (typeof ref === 'string') {
      const name = ref.startsWith('#/components/schemas/') ? componentName(ref) : undefined;
      if (name !== undefined && seen.has(name)) return seen;
      if (name !== undefined) seen.add(name);
      schemasUsed(doc, refTarget(doc, ref), seen);
    } else for (const value of Object.values(node)) schemasUsed(doc, value, seen);
  }
  return seen;
}

/**
 * Whether a component schema is a model worth a link: an object with fields, or a choice of them.
 * @param {any} schema
 */
function isModel(schema) {
  return Boolean(schema && (schema.properties || schema.oneOf || schema.allOf));
}

/**
 * Redoc's anchor of a schema in the models section (`#schema/Connector`).
 * @param {string} name
 */
export function modelAnchor(name) {
  return `#schema/${name}`;
}

/**
 * The spec as the page shows it: the guide pages and the API tags in their groups, a Models group,
 * and each operation's description ending with links to the models it uses. The bundle itself is
 * not changed.
 * @param {Record<string, any>} bundle
 */
export function pageSpec(bundle) {
  /** @type {Record<string, any>} */
  const spec = structuredClone(bundle);
  for (const { operation } of operations(spec)) {
    // Objects only: a link to `Timestamp` or `AgentId` says less than the field that uses it.
    const used = [...schemasUsed(spec, operation)].filter((name) => isModel(spec.components?.schemas?.[name])).sort();
    if (used.length === 0) continue;
    const links = used.map((name) => `[${name}](${modelAnchor(name)})`).join(', ');
    operation.description = `${operation.description ?? ''}\n\n**Models:** ${links}`;
  }
  const groups = /** @type {{ name: string, tags: string[] }[]} */ (spec['x-tagGroups'] ?? []);
  if (groups.length > 0 && !groups.some((group) => group.tags.includes(MODELS_TAG))) {
    spec['x-tagGroups'] = [...groups, { name: MODELS_TAG, tags: [MODELS_TAG] }];
  }
  if (!(spec.tags ?? []).some((/** @type {{ name: string }} */ tag) => tag.name === MODELS_TAG)) {
    spec.tags = [
      ...(spec.tags ?? []),
      { name: MODELS_TAG, description: 'Every schema of the contract, with its fields, types and constraints.' },
    ];
  }
  return spec;
}

/**
 * Assets Redoc's bundle loads from a CDN, and their inline stand-ins: the "API docs by Redocly"
 * sidebar attribution is an <img> of a CDN logo, drawn here as a small wordmark instead.
 */
const CDN_STAND_INS = new Map([
  [
    'https://cdn.redoc.ly/redoc/logo-mini.svg',
    `data:image/svg+xml,${encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14"><text x="0" y="11" ' +
        'font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>',
    )}`,
  ],
]);

/**
 * Redoc's bundle with its CDN assets swapped for their stand-ins; fails when the page would still
 * load something from the network: a src, href, url() or import of an http(s) URL in the page's
 * markup or Redoc's code. URLs in the spec's text (shown, not loaded) are data inside the inlined
 * JSON and do not count.
 * @param {{ template: string, redoc: string }} parts
 * @returns {string} the bundle to inline
 */
export function offlineRedoc({ template, redoc }) {
  let code = redoc;
  for (const [url, standIn] of CDN_STAND_INS) code = code.replaceAll(url, standIn);
  const loads = /(?:\bsrc\s*[:=]\s*|\bhref\s*=\s*|url\(\s*|\bimport\s*\(?\s*)["'`]?(https?:\/\/[^\s"'`)]+)/gi;
  const left = [...new Set([...`${template}\n${code}`.matchAll(loads)].map((match) => match[1]))];
  if (left.length > 0) {
    throw new StepError(
      `the docs page would load ${left.join(', ')} from the network: add an inline stand-in to CDN_STAND_INS ` +
        'in scripts/lib/docs.mjs',
    );
  }
  return code;
}

/**
 * The page's HTML: the template filled with the title, the llms links, the CSP (the one inline
 * script allowed by its SHA-256) and the script that starts Redoc on the inlined spec.
 * @param {{ template: string, redoc: string, spec: Record<string, any> }} parts
 */
export function pageHtml({ template, redoc, spec }) {
  const script = `${redoc.replace(/<\/(script)/gi, '<\\/$1')}
;Redoc.init(${scriptJson(spec)}, { ...${scriptJson(REDOC_OPTIONS)}, scrollYOffset: ${SCROLL_Y_OFFSET} },
  document.getElementById('redoc'));`;
  const hash = createHash('sha256').update(script).digest('base64');
  /** @type {Record<string, string>} */
  const values = {
    title: escapeHtml(spec.info?.title ?? 'API reference'),
    scriptHash: `'sha256-${hash}'`,
    script,
  };
  const unknown = template.replace(/\{\{\{?(title|scriptHash|script)\}?\}\}/g, '').match(/\{\{[^}]*\}+/g);
  if (unknown) throw new StepError(`${TEMPLATE}: fills {{title}}, {{scriptHash}}, {{{script}}}; not ${unknown}`);
  return template.replace(/\{\{\{?(title|scriptHash|script)\}?\}\}/g, (_match, name) => values[name] ?? '');
}

/**
 * The docs step: writes `<scratch>/dist/docs/index.html`, `llms.txt` and `llms-full.txt`.
 * @param {{ root: string, bundle: Record<string, any>, scratch: string }} input
 * @returns {Promise<string>}
 */
export async function buildDocs({ bundle, scratch }) {
  const outDir = path.join(scratch, 'dist', 'docs');
  const [template, redoc] = await Promise.all([readFile(TEMPLATE, 'utf8'), readFile(REDOC_BUNDLE, 'utf8')]);
  const html = pageHtml({ template, redoc: offlineRedoc({ template, redoc }), spec: pageSpec(bundle) });
  await mkdir(outDir, { recursive: true });
  const index = llmsIndex(bundle);
  const full = llmsFull(bundle);
  await Promise.all([
    writeFile(path.join(outDir, 'index.html'), html),
    writeFile(path.join(outDir, 'llms.txt'), index),
    writeFile(path.join(outDir, 'llms-full.txt'), full),
  ]);
  const kb = (/** @type {string} */ text) => `${Math.round(Buffer.byteLength(text) / 1024)} KB`;
  const guides = guidePages(bundle).length;
  return `index.html ${kb(html)}, llms.txt ${kb(index)}, llms-full.txt ${kb(full)}, ${guides} guide pages`;
}
