// The localhost server of `npm run docs:serve` and the browser test: it serves the files of one
// folder and nothing outside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/lib/static-server.mjs';

describe('serveDirectory', () => {
  let root = '';
  let docs = '';
  let server: Server;
  let url: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'macha-serve-'));
    docs = path.join(root, 'docs');
    writeFileSync(path.join(root, 'secret.txt'), 'outside the served folder');
    mkdirSync(docs);
    writeFileSync(path.join(docs, 'index.html'), '<!DOCTYPE html><title>docs</title>');
    ({ server, url } = await serveDirectory(docs, 0));
  });

  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('serves index.html at / as uncached HTML, on 127.0.0.1', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<title>docs</title>');
  });

  test('answers 404 for a missing file and for paths that climb out of the folder', async () => {
    for (const requested of ['missing.html', '%2e%2e/secret.txt', '..%2fsecret.txt', '%2e%2e%2fsecret.txt']) {
      const response = await fetch(`${url}${requested}`);
      expect(response.status, requested).toBe(404);
      expect(await response.text()).not.toContain('outside the served folder');
    }
  });

  test('answers 405 to anything but GET and HEAD', async () => {
    const response = await fetch(url, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
