// The built page itself: offline (nothing loaded from the network, Redoc's CDN logo replaced, but
// a URL the spec only shows is fine), and inert under its CSP (the one inline script allowed by
// its hash, no 'unsafe-inline' script, no frames, objects, <base> or form submission).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDocs, offlineRedoc } from '../../scripts/lib/docs.mjs';
import { bundle } from '../support/bundle.js';
import { ROOT } from '../support/spec-copy.js';

/** The page built from the committed bundle, with a description that names a CDN URL. */
let html = '';
let scratch = '';

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'macha-docs-'));
  const spec = structuredClone(bundle);
  const info = spec.info as { description: string };
  info.description += '\n\nMirrors such as https://cdn.example.com/macha.json are not ours.';
  await buildDocs({ root: ROOT, bundle: spec, scratch });
  html = readFileSync(path.join(scratch, 'dist', 'docs', 'index.html'), 'utf8');
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The page's Content-Security-Policy, directive by name. */
function csp(page: string): Map<string, string> {
  const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('the docs page', () => {
  test('builds although a description shows a CDN URL, which stays text', () => {
    expect(html).toContain('https://cdn.example.com/macha.json');
  });

  test("loads nothing from a CDN: Redoc's logo is an inline stand-in", () => {
    expect(html).not.toContain('https://cdn.redoc.ly/');
    expect(html).toContain('data:image/svg+xml,');
  });

  test('runs only its own script, by hash: no unsafe-inline script, no frame, object, base or form', () => {
    const policy = csp(html);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(policy.get('script-src')).toBe(`'sha256-${hash}'`);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('frame-src')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(html).not.toMatch(/script-src[^;"]*'unsafe-inline'/);
  });

  test('links llms.txt and llms-full.txt from its head', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('href="llms.txt"');
    expect(head).toContain('href="llms-full.txt"');
  });
});

describe('offlineRedoc', () => {
  test('fails on an asset Redoc would load that has no stand-in, naming the URL and the fix', () => {
    expect(() =>
      offlineRedoc({ template: '', redoc: 'createElement("img",{src:"https://cdn.redocly.com/new-logo.svg"})' }),
    ).toThrow(/would load https:\/\/cdn\.redocly\.com\/new-logo\.svg from the network: add an inline stand-in/);
  });

  test('leaves a URL in text alone', () => {
    expect(offlineRedoc({ template: '', redoc: 'const text = "see https://cdn.example.com";' })).toContain(
      'https://cdn.example.com',
    );
  });
});
