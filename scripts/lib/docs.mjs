// @ts-check
// Builds the docs site: one self-contained HTML file made by `redocly build-docs --inlineBundle`
// from the bundled spec, with the few assets Redoc would still fetch from a CDN replaced by
// inline data: URLs, so the page works offline and sends no request anywhere.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redocly } from './redocly.mjs';
import { StepError } from './steps.mjs';

const TEMPLATE = path.join(import.meta.dirname, 'docs-template.hbs');

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
    svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14"><text x="0" y="11" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>'),
  ],
  [
    'https://cdn.redoc.ly/redoc/logo-mini.svg',
    svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14"><text x="2" y="11" font-family="sans-serif" font-size="12" font-weight="700" fill="#0044d4">R</text></svg>'),
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
  // Redocly turns Redoc's telemetry off only when REDOCLY_TELEMETRY=off reaches build-docs.
  if (!page.includes('"disableTelemetry":true')) {
    throw new StepError('the docs page would send Redoc telemetry: run build-docs through scripts/lib/redocly.mjs, which sets REDOCLY_TELEMETRY=off.');
  }
  return page;
}

/**
 * Builds the site from a bundled spec file into outFile (Redoc's options come from the
 * `openapi:` section of redocly.yaml in the working directory).
 * @param {string} bundleFile
 * @param {string} outFile
 */
export async function buildDocs(bundleFile, outFile) {
  await mkdir(path.dirname(outFile), { recursive: true });
  await redocly(['build-docs', bundleFile, '--inlineBundle', '--template', TEMPLATE, '--output', outFile]);
  await writeFile(outFile, offlinePage(await readFile(outFile, 'utf8')));
}
