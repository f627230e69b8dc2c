// The docs site in a real browser (Debian's Chromium), as a reader uses it: every guide section,
// tag, operation and model renders from its deep link, both code samples of every operation show,
// the console stays free of errors and no request leaves the page, served from localhost or opened
// from disk. The layout holds: error codes never break mid-word, no code line is clipped and no
// copy button covers code, search hits are titled, the models are linked from the operations, and
// at 390×844 nothing covers text. Screenshots land in dist/docs/ (desktop and mobile).
//
// The test builds the page itself, from the committed generated/openapi.json and with the same
// buildDocs as `npm run generate`, instead of trusting whatever dist/ holds.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDocs, modelAnchor } from '../../scripts/lib/docs.mjs';
import { guidePages, operationAnchor } from '../../scripts/lib/llms.mjs';
import { operationById, operations } from '../../scripts/lib/openapi.mjs';
import { serveDirectory } from '../../scripts/lib/static-server.mjs';
import { bundle } from '../support/bundle.js';
import { chromiumSkipReason, launchChromium } from '../support/chromium.js';
import { documentedOperations } from '../support/operations.js';
import { ROOT } from '../support/spec-copy.js';

const SCREENSHOTS = path.join(ROOT, 'dist', 'docs');
const SAMPLE_LABELS = ['curl', '@macha/api-client'];
const MOBILE = { width: 390, height: 844 };
const skipReason = chromiumSkipReason();
const info = bundle.info as { title: string; version: string };

/** What a page did: every request URL, and console errors and uncaught exceptions. */
interface Traffic {
  requests: string[];
  errors: string[];
}

/** Records a page's traffic; refuses (and still records) any request off the allowed prefix. */
async function recordTraffic(page: Page, allowedPrefix: string): Promise<Traffic> {
  const traffic: Traffic = { requests: [], errors: [] };
  page.on('request', (request) => traffic.requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && traffic.errors.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => traffic.errors.push(`uncaught: ${error.message}`));
  await page.route('**/*', (route) =>
    route.request().url().startsWith(allowedPrefix) ? route.continue() : route.abort('blockedbyclient'),
  );
  return traffic;
}

/** The requests that left the page's origin (data: and blob: URLs never leave the browser). */
function offOrigin(traffic: Traffic, allowedPrefix: string): string[] {
  return traffic.requests.filter(
    (url) => !url.startsWith(allowedPrefix) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
}

/** Whitespace-insensitive form of a text, to compare code as shown with code as written. */
function squashed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The section Redoc renders for a deep link (`section/Errors`, `tag/Agents/operation/createAgent`). */
async function section(page: Page, base: string, id: string): Promise<Locator> {
  await page.goto(`${base}#${id}`);
  const found = page.locator(`[data-section-id="${id}"]`).first();
  await found.waitFor({ state: 'visible' });
  return found;
}

/** Redoc's section id of an operation (`tag/Custom-tools/operation/listCustomTools`: the tag slugged). */
function operationSection(operationId: string): string {
  return operationAnchor(operationById(bundle, operationId)!).slice(1);
}

/** A section's title as shown. */
async function title(shown: Locator): Promise<string> {
  return (await shown.locator('h1, h2').first().innerText()).trim();
}

/** Shows one code sample of an operation's request samples; resolves with the code shown. */
async function showSample(page: Page, operationId: string, label: string): Promise<string> {
  const panel = page.locator(`[data-section-id="operation/${operationId}"]`).first();
  await panel.getByRole('tab', { name: label, exact: true }).first().click();
  const shown = panel.locator('[role="tabpanel"].react-tabs__tab-panel--selected pre').first();
  await shown.waitFor({ state: 'visible' });
  return shown.innerText();
}

/** The words of the page's tables that wrap inside themselves (more than one line box). */
function wordsBrokenInTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of Array.from(document.querySelectorAll('.redoc-markdown td, .redoc-markdown th'))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/**
 * Code blocks whose text does not fit their box (a clipped line), and code lines that a button
 * (Redoc's Copy, Expand all...) covers; for the code visible on the page.
 */
function clippedOrCoveredCode(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const blocks = Array.from(document.querySelectorAll('pre, .redoc-json')).filter(
      (block) => (block as HTMLElement).offsetParent !== null,
    );
    const buttons = Array.from(document.querySelectorAll('button')).map((button) => button.getBoundingClientRect());
    for (const block of blocks) {
      const element = block as HTMLElement;
      if (element.scrollWidth > element.clientWidth + 1) {
        problems.push(`clipped: ${element.innerText.split('\n')[0]?.slice(0, 60)}`);
      }
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const lines: DOMRect[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('button')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        lines.push(...Array.from(range.getClientRects()));
      }
      for (const line of lines) {
        if (line.width === 0) continue;
        const covered = buttons.find(
          (b) =>
            b.width > 0 && b.left < line.right && b.right > line.left && b.top < line.bottom && b.bottom > line.top,
        );
        if (covered) problems.push(`covered: ${element.innerText.split('\n')[0]?.slice(0, 60)}`);
      }
    }
    return [...new Set(problems)];
  });
}

/**
 * Text in the viewport that another element covers: for each line of text below the page's
 * header bar (`#menu-bar`, when shown), the element on top at its centre must be the text's own
 * element, or inside it.
 */
function coveredText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bar = document.getElementById('menu-bar');
    const top = bar && getComputedStyle(bar).display !== 'none' ? bar.getBoundingClientRect().bottom : 0;
    const covered: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const owner = node.parentElement;
      if (!owner || !(node.textContent ?? '').trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        if (rect.width === 0 || y < top || y > window.innerHeight || x < 0 || x > window.innerWidth) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit && !owner.contains(hit) && !hit.contains(owner)) {
          covered.push(`"${(node.textContent ?? '').trim().slice(0, 40)}" under <${hit.tagName.toLowerCase()}>`);
        }
      }
    }
    return covered;
  });
}

describe('the docs site in Chromium', () => {
  let context: BrowserContext;
  let closeBrowser: () => Promise<void> = async () => {};
  let server: Server | undefined;
  let siteUrl = '';
  let scratch = '';
  let pageFile = '';

  beforeAll(async () => {
    if (skipReason) {
      console.warn(`skipping the docs browser tests: ${skipReason}`);
      return;
    }
    scratch = mkdtempSync(path.join(tmpdir(), 'macha-site-'));
    await buildDocs({ root: ROOT, bundle, scratch });
    const docs = path.join(scratch, 'dist', 'docs');
    pageFile = path.join(docs, 'index.html');
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ server, url: siteUrl } = await serveDirectory(docs, 0));
    ({ context, close: closeBrowser } = await launchChromium());
  }, 120_000);

  afterAll(async () => {
    await closeBrowser();
    server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('from localhost: every guide, operation (both samples) and model renders; no error, no request', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    const origin = new URL(siteUrl).origin;
    const traffic = await recordTraffic(page, `${origin}/`);
    await page.goto(siteUrl);
    await page.getByRole('heading', { name: `${info.title} (${info.version})` }).waitFor({ state: 'visible' });

    for (const guide of guidePages(bundle).filter((page) => page.anchor)) {
      const shown = await section(page, siteUrl, guide.anchor.slice(1));
      expect(await title(shown)).toBe(guide.title);
    }
    for (const operation of documentedOperations()) {
      await section(page, siteUrl, operationSection(operation.operationId));
      for (const label of SAMPLE_LABELS) {
        const shown = await showSample(page, operation.operationId, label);
        expect(squashed(shown), `${operation.operationId}: the ${label} sample`).toContain(
          squashed(operation.samples[label] ?? `(no ${label} sample)`),
        );
      }
    }
    for (const name of Object.keys(bundle.components.schemas ?? {})) {
      const model = await section(page, siteUrl, modelAnchor(name).slice(1));
      expect(await title(model)).toBe(name);
    }
    expect(traffic.requests).toContain(siteUrl);
    expect(offOrigin(traffic, `${origin}/`)).toEqual([]);
    expect(traffic.errors).toEqual([]);
  }, 180_000);

  test('each operation links to the models it uses, and each link opens its model', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    for (const op of operations(bundle)) {
      const shown = await section(page, siteUrl, operationSection(String(op.operationId)));
      const links = shown.locator('a[href^="#schema/"]');
      const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length, `${op.operationId} links no model`).toBeGreaterThan(0);
      for (const href of hrefs)
        await expect(page.locator(`[data-section-id="${href.slice(1)}"]`).count()).resolves.toBe(1);
      await links.first().click();
      await page
        .locator(`[data-section-id="${hrefs[0]!.slice(1)}"] h2`)
        .first()
        .waitFor({ state: 'visible' });
      expect(new URL(page.url()).hash).toBe(hrefs[0]);
    }
  }, 120_000);

  test('search titles every hit, and a guide section that matches ranks first', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.locator('[role="search"] input').fill('idempotency');
    const hits = page.locator('[data-role="search:results"] [role="menuitem"]');
    await hits.first().waitFor({ state: 'visible' });
    const titles = await hits.evaluateAll((all) => all.map((hit) => hit.getAttribute('aria-label') ?? ''));
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.filter((title) => title.trim() === '' || title === info.title)).toEqual([]);
    expect(await hits.first().getAttribute('data-item-id')).toBe('section/Idempotency');
  }, 60_000);

  test('error codes never break mid-word; no code is clipped or under a button; desktop screenshot', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    await section(page, siteUrl, 'section/Errors');
    expect(await wordsBrokenInTables(page)).toEqual([]);
    await section(page, siteUrl, 'section/Getting-started');
    expect(await clippedOrCoveredCode(page)).toEqual([]);
    for (const operation of documentedOperations()) {
      await section(page, siteUrl, operationSection(operation.operationId));
      for (const label of SAMPLE_LABELS) {
        await showSample(page, operation.operationId, label);
        expect(await clippedOrCoveredCode(page), `${operation.operationId} ${label}`).toEqual([]);
      }
    }
    await section(page, siteUrl, 'section/Errors');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'screenshot-desktop.png') });
  }, 120_000);

  test('at 390×844 nothing covers text, no code is clipped, words stay whole; mobile screenshot', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    await page.setViewportSize(MOBILE);
    const [first] = documentedOperations();
    const anchors = ['section/Getting-started', 'section/Errors', operationSection(first!.operationId)];
    for (const anchor of anchors) {
      await section(page, siteUrl, anchor);
      for (const step of [0, 400, 400, 400]) {
        await page.evaluate((by) => window.scrollBy(0, by), step);
        expect(await coveredText(page), `${anchor} +${step}`).toEqual([]);
        expect(await clippedOrCoveredCode(page), `${anchor}`).toEqual([]);
      }
    }
    await section(page, siteUrl, 'section/Errors');
    expect(await wordsBrokenInTables(page)).toEqual([]);
    await section(page, siteUrl, 'section/Getting-started');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'screenshot-mobile.png') });
  }, 120_000);

  test('markdown that smuggles script, frames or a meta refresh in runs nothing and moves nothing', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const hostile = structuredClone(bundle) as typeof bundle & { info: { description: string } };
    const srcdoc = '<iframe srcdoc="&lt;script&gt;parent.__pwned = 1; parent.alert(1)&lt;/script&gt;"></iframe>';
    hostile.info.description += [
      `\n\n${srcdoc}`,
      '<meta http-equiv="refresh" content="0;url=#refreshed">',
      '<img src="data:," onerror="window.__pwned = 2">',
    ].join('\n\n');
    const [first] = operations(hostile);
    first!.operation.description += `\n\n${srcdoc}`;
    (hostile.tags as { description: string }[])[0]!.description += `\n\n${srcdoc}`;
    const built = mkdtempSync(path.join(tmpdir(), 'macha-hostile-'));
    try {
      await buildDocs({ root: ROOT, bundle: hostile, scratch: built });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const fileUrl = pathToFileURL(path.join(built, 'dist', 'docs', 'index.html')).href;
      await section(page, fileUrl, operationAnchor(first!).slice(1));
      await section(page, fileUrl, 'section/Versioning');
      const state = await page.evaluate(() => ({
        pwned: (window as { __pwned?: number }).__pwned,
        hash: location.hash,
        frames: document.querySelectorAll('iframe, object, embed, base, form, meta[http-equiv="refresh"]').length,
      }));
      expect({ ...state, dialogs }).toEqual({
        pwned: undefined,
        hash: '#section/Versioning',
        frames: 0,
        dialogs: [],
      });
    } finally {
      rmSync(built, { recursive: true, force: true });
    }
  }, 60_000);

  test('opened from disk (file://): renders the reference and requests nothing but the file itself', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    const fileUrl = pathToFileURL(pageFile).href;
    const traffic = await recordTraffic(page, fileUrl);
    const [operation] = documentedOperations();
    await section(page, fileUrl, operationSection(operation!.operationId));
    expect(squashed(await showSample(page, operation!.operationId, '@macha/api-client'))).toContain(
      'createMachaClient',
    );
    expect(traffic.requests).toContain(fileUrl);
    expect(offOrigin(traffic, fileUrl)).toEqual([]);
    expect(traffic.errors).toEqual([]);
  }, 60_000);
});
