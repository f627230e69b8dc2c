// @ts-check
// Builds the docs site: one self-contained HTML page with Redoc and the bundled spec inlined, the
// page `redocly build-docs --inlineBundle --template docs-template.hbs` writes, with the few assets
// Redoc would still fetch from a CDN replaced by inline data: URLs, so the page works offline and
// sends no request anywhere.
//
// The page is assembled here, in this process, the way build-docs assembles it (same template,
// same Redoc bundle, the spec and the `openapi:` options of redocly.yaml) minus build-docs'
// server-side prerender: Redoc's `hydrate` renders into the empty container in the browser
// instead. The prerender and the CLI start-up were 1.5 s of the 2-core budget of every generate,
// for markup the browser replaces when the page loads.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { loadApis } from './redocly.mjs';
import { StepError } from './steps.mjs';

const TEMPLATE = path.join(import.meta.dirname, 'docs-template.hbs');
const require = createRequire(import.meta.url);
const CLI_DIR = path.dirname(require.resolve('@redocly/cli/package.json'));
/** The Redoc bundle build-docs inlines (`--inlineBundle`): the same file, so the same Redoc version. */
const REDOC_BUNDLE = path.join(CLI_DIR, 'lib', 'chunks', 'redoc.standalone.js');

/** @param {string} svg */
function svgDataUrl(svg) {
  // encodeURIComponent leaves no quote, backtick, `$`, space or parenthesis, so the URL is safe
  // in any JS string literal of the bundle and unquoted in a CSS url().
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * The CDN URLs that Redoc 3's inlined bundle still loads, and their local stand-ins.
 * - The "API docs by Redocly" attribution in the sidebar is an <img> of a CDN logo (inserted
 *   after hydration, whatever the template or theme says): replaced by a drawn wordmark.
 * - Icon packs (language icons of code-block tabs, Font Awesome) are CDN base URLs that the
 *   icon component completes with `/<name>.svg`: replaced by an empty SVG followed by `#`, so
 *   the name lands in the URL fragment and the icon renders blank without any request.
 */
const CDN_STAND_INS = new Map([
  [
    'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
    svgDataUrl(
      '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14"><text x="0" y="11" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>',
    ),
  ],
  [
    'https://cdn.redoc.ly/redoc/logo-mini.svg',
    svgDataUrl(
      '<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14"><text x="2" y="11" font-family="sans-serif" font-size="12" font-weight="700" fill="#0044d4">R</text></svg>',
    ),
  ],
  ['https://cdn.redocly.com/icons/fa/7.0.0', `${svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"/>')}#`],
  ['https://cdn.redocly.com/icons/code/5.24.0', `${svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"/>')}#`],
]);

/**
 * Returns the built page with every CDN asset replaced by its stand-in; throws a StepError when
 * the page still names a CDN (a Redoc upgrade added one) or would send telemetry.
 * @param {string} html
 */
export function offlinePage(html) {
  let page = html;
  for (const [url, standIn] of CDN_STAND_INS) page = page.replaceAll(url, standIn);
  const left = [...new Set(page.match(/https?:\/\/cdn\.[^\s"'`)]*/g) ?? [])];
  if (left.length > 0) {
    throw new StepError(
      `the docs page still loads from a CDN: ${left.join(', ')}\n` +
        'Fix: add a local stand-in for it to CDN_STAND_INS in scripts/lib/docs.mjs.',
    );
  }
  if (!page.includes('"disableTelemetry":true')) {
    throw new StepError(
      'the docs page would send Redoc telemetry: pageHtml in scripts/lib/docs.mjs must set disableTelemetry, as build-docs does under REDOCLY_TELEMETRY=off.',
    );
  }
  return page;
}

/**
 * JSON for an inline <script>, escaped as build-docs escapes it (no `<`, no line separators).
 * @param {unknown} value
 */
function scriptJson(value) {
  return JSON.stringify(value)
    .replace(/\u2028|\u2029/g, (char) => (char === '\u2028' ? '\\u2028' : '\\u2029'))
    .replace(/</g, '\\u003c');
}

/** @param {string} text */
function escapeHtml(text) {
  /** @type {Record<string, string>} */
  const entities = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#x27;',
    '`': '&#x60;',
    '=': '&#x3D;',
  };
  return text.replace(/[&<>"'`=]/g, (char) => entities[char] ?? char);
}

/**
 * The page: the template with Redoc, the spec and Redoc's options inlined.
 * @param {{ template: string, redoc: string, spec: Record<string, any>, options: Record<string, unknown> }} parts
 */
function pageHtml({ template, redoc, spec, options }) {
  const body = `
      <div id="redoc"></div>
      <script type="module">
      ${redoc.replace(/<\/(script)/gi, '<\\/$1')}

      const __redoc_definition = ${scriptJson(spec)};
      const __redoc_options = ${scriptJson({ ...options, skipBundle: true, disableTelemetry: true })};

      hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));
      </script>`;
  const placeholder = /\{\{title\}\}|\{\{\{(redocHead|redocHTML)\}\}\}/g;
  const unknown = template.replace(placeholder, '').match(/\{\{[^}]*\}+/g);
  if (unknown)
    throw new StepError(
      `${TEMPLATE}: only {{title}}, {{{redocHead}}} and {{{redocHTML}}} are filled in, not ${unknown.join(', ')}`,
    );
  /** @type {Record<string, string>} */
  const values = { redocHead: '', redocHTML: body };
  return template.replace(placeholder, (_match, name) =>
    name ? (values[name] ?? '') : escapeHtml(spec.info?.title ?? 'ReDoc documentation'),
  );
}

/**
 * Builds the site into outFile from a bundled spec (the parsed bundle, or a bundled file), with
 * Redoc's options from the `openapi:` section of root/redocly.yaml.
 * @param {Record<string, any> | string} bundle
 * @param {string} outFile
 * @param {{ root?: string }} [options]
 */
export async function buildDocs(bundle, outFile, options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  if (!existsSync(REDOC_BUNDLE)) {
    throw new StepError(
      `Redoc's bundle is not at ${REDOC_BUNDLE}, where @redocly/cli keeps the one build-docs inlines: update REDOC_BUNDLE in scripts/lib/docs.mjs for this @redocly/cli version.`,
    );
  }
  const [template, redoc, spec, [api]] = await Promise.all([
    readFile(TEMPLATE, 'utf8'),
    readFile(REDOC_BUNDLE, 'utf8'),
    typeof bundle === 'string'
      ? readFile(bundle, 'utf8').then((text) => /** @type {Record<string, any>} */ (parseYaml(text)))
      : bundle,
    loadApis(root),
  ]);
  const redocOptions = /** @type {Record<string, unknown>} */ (api?.config.resolvedConfig.openapi ?? {});
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, offlinePage(pageHtml({ template, redoc, spec, options: redocOptions })));
}
