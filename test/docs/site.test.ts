// The docs site in a real browser (Debian's Chromium): every guide section, tag and operation
// renders, both code samples of every operation show, the console stays free of errors and no
// request leaves the page's own origin, whether the page is served from localhost or opened from
// disk. Leaves a screenshot at dist/docs/screenshot.png.
//
// The test builds dist/docs/index.html itself, from the committed generated/openapi.yaml and with
// the same buildDocs as `npm run generate`, instead of trusting whatever dist/ holds: a rebuild
// costs about a second, and a staleness check would have to hash the bundle, the template, the
// post-processing and the Redoc version to be right.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDocs } from '../../scripts/lib/docs.mjs';
import { serveDirectory } from '../../scripts/lib/static-server.mjs';
import { bundle } from '../support/bundle.js';
import { chromiumSkipReason, launchChromium } from '../support/chromium.js';
import { documentedOperations, documentedTags, guideSections } from '../support/operations.js';
import { ROOT } from '../support/spec-copy.js';

const DOCS_DIR = path.join(ROOT, 'dist', 'docs');
const PAGE = path.join(DOCS_DIR, 'index.html');
const SCREENSHOT = path.join(DOCS_DIR, 'screenshot.png');
const SAMPLE_LABELS = ['curl', '@macha/api-client'];
const skipReason = chromiumSkipReason();

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

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Whitespace-insensitive form of a text, to compare code as shown with code as written. */
function squashed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sidebar(page: Page): Locator {
  return page.locator('[data-component-name="Menu/Menu"]').first();
}

/**
 * Runs a UI action, again when it fails (4 tries, 3 s per step). After each navigation Redoc keeps
 * re-rendering for a moment: sections render lazily and shift the scroll position, the scroll-spy
 * moves the sidebar highlight and the previous tag collapses about 300 ms later, and a scroll
 * closes an open dropdown. An entry can thus vanish under the pointer; trying the whole action
 * again (not waiting a fixed time) is what a user does too.
 */
async function retried(action: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await action();
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

const STEP = { timeout: 3_000 };

/** Opens a sidebar entry, after its parent (a tag) when given. */
async function openFromSidebar(page: Page, label: string, parent?: string): Promise<void> {
  await retried(async () => {
    if (parent !== undefined) await sidebar(page).getByText(parent, { exact: true }).first().click(STEP);
    await sidebar(page).getByText(label, { exact: true }).first().click(STEP);
  });
}

/** A visible h1/h2 whose whole text is `text`. */
async function heading(page: Page, text: string): Promise<Locator> {
  const found = page
    .locator('h1, h2')
    .filter({ hasText: exactly(text) })
    .first();
  await found.waitFor({ state: 'visible' });
  return found;
}

/** Picks a code sample by its label in an operation's request-samples panel; resolves with the code shown. */
async function showSample(page: Page, panel: Locator, label: string): Promise<string> {
  const languageButton = panel.getByRole('button', {
    name: new RegExp(`^(${SAMPLE_LABELS.map((l) => l.replace('/', '\\/')).join('|')})$`),
  });
  await retried(async () => {
    await languageButton.click(STEP);
    await page.getByRole('menuitem', { name: label, exact: true }).click(STEP);
    await panel.getByRole('button', { name: label, exact: true }).waitFor({ state: 'visible', ...STEP });
  });
  return panel.innerText();
}

describe('the docs site in Chromium', () => {
  let context: BrowserContext;
  let closeBrowser: () => Promise<void> = async () => {};
  let server: Server | undefined;
  let siteUrl = '';

  beforeAll(async () => {
    if (skipReason) {
      console.warn(`skipping the docs browser tests: ${skipReason}`);
      return;
    }
    const scratch = path.join(ROOT, 'dist', '.docs-test');
    rmSync(scratch, { recursive: true, force: true });
    await buildDocs(path.join(ROOT, 'generated', 'openapi.yaml'), path.join(scratch, 'index.html'));
    mkdirSync(DOCS_DIR, { recursive: true });
    renameSync(path.join(scratch, 'index.html'), PAGE);
    rmSync(scratch, { recursive: true, force: true });
    ({ server, url: siteUrl } = await serveDirectory(DOCS_DIR, 0));
    ({ context, close: closeBrowser } = await launchChromium());
  }, 120_000);

  afterAll(async () => {
    await closeBrowser();
    server?.close();
  });

  test('served from localhost: every section, tag and operation renders with both samples, no console error, no request off the origin', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    const origin = new URL(siteUrl).origin;
    const traffic = await recordTraffic(page, `${origin}/`);
    await page.goto(siteUrl);
    await heading(
      page,
      `${(bundle.info as { title: string }).title} (${(bundle.info as { version: string }).version})`,
    );

    for (const section of guideSections()) {
      await openFromSidebar(page, section);
      await heading(page, section);
    }

    for (const tag of documentedTags()) {
      await openFromSidebar(page, tag.name);
      await heading(page, tag.name);
      const firstSentence = tag.description.replace(/[*`_]/g, '').split(/(?<=\.)\s/)[0]!;
      await page.getByText(squashed(firstSentence)).first().waitFor({ state: 'visible' });
    }

    for (const operation of documentedOperations()) {
      await openFromSidebar(page, operation.summary, operation.tag);
      const title = await heading(page, operation.summary);
      // The operation's section: the nearest ancestor of its title that holds a samples panel.
      const panel = title
        .locator('xpath=ancestor::*[.//*[contains(@class, "panel-request-samples")]][1]')
        .locator('.panel-request-samples')
        .first();
      for (const label of SAMPLE_LABELS) {
        const shown = await showSample(page, panel, label);
        expect(squashed(shown), `${operation.operationId}: the ${label} sample`).toContain(
          squashed(operation.samples[label] ?? `(no ${label} sample)`),
        );
      }
    }

    await page.screenshot({ path: SCREENSHOT });
    expect(traffic.requests).toContain(siteUrl);
    expect(offOrigin(traffic, `${origin}/`)).toEqual([]);
    expect(traffic.errors).toEqual([]);
  }, 120_000);

  test('opened from disk (file://): renders the reference and requests nothing but the file itself', async (ctx) => {
    ctx.skip(skipReason !== undefined, skipReason);
    const page = await context.newPage();
    const fileUrl = pathToFileURL(PAGE).href;
    const traffic = await recordTraffic(page, fileUrl);
    await page.goto(fileUrl);
    const [operation] = documentedOperations();
    await openFromSidebar(page, operation!.summary, operation!.tag);
    const title = await heading(page, operation!.summary);
    const panel = title
      .locator('xpath=ancestor::*[.//*[contains(@class, "panel-request-samples")]][1]')
      .locator('.panel-request-samples')
      .first();
    expect(squashed(await showSample(page, panel, '@macha/api-client'))).toContain('createMachaClient');

    expect(traffic.requests).toContain(fileUrl);
    expect(offOrigin(traffic, fileUrl)).toEqual([]);
    expect(traffic.errors).toEqual([]);
  }, 60_000);
});
