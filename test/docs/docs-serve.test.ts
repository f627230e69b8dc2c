// `npm run docs:serve` on a copy of the project: it serves the page, llms.txt and llms-full.txt,
// and an edit under spec/ is served once rebuilt, from a new snapshot (the previous one deleted).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docsServe } from '../../scripts/docs-serve.mjs';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

describe('docs:serve', () => {
  let copy: SpecCopy;
  let served: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    copy = copySpec();
    served = await docsServe(copy.dir, { port: 0 });
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    copy?.remove();
  });

  test('serves the page and both llms files', async () => {
    const page = await fetch(served.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="llms-full.txt"');
    expect(await (await fetch(`${served.url}llms.txt`)).text()).toMatch(/^# Macha API\n/);
    expect(await (await fetch(`${served.url}llms-full.txt`)).text()).toContain('### GET /connectors: ');
  });

  test('an edit under spec/ is served from a new snapshot once rebuilt', async () => {
    copy.edit('spec/tags/Agents.md', 'An agent answers', 'An agent (edited) answers');
    // Poll until the rebuild is served; the test's own timeout bounds the wait.
    for (;;) {
      const text = await (await fetch(`${served.url}llms-full.txt`)).text();
      if (text.includes('An agent (edited) answers')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The previous snapshot is deleted right after the swap.
    const folder = path.join(copy.dir, 'dist', '.docs-serve');
    while (readdirSync(folder).length > 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const snapshots = readdirSync(folder);
    expect(snapshots).toEqual(['1']);
    expect(existsSync(path.join(copy.dir, 'dist', '.docs-serve', snapshots[0]!, 'dist', 'docs', 'index.html'))).toBe(
      true,
    );
  }, 120_000);
});
