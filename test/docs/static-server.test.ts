// The localhost server of `npm run docs:serve` and the browser test: it serves the files of one
// snapshot folder and nothing outside it, closes every file a reader abandons, survives running
// out of descriptors, and a swap to a new snapshot never mixes two builds in one response.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/lib/static-server.mjs';

/** Descriptors this process has open. */
function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Starts a GET, reads its first chunk, then hangs up; resolves once the socket is closed. */
function abortedDownload(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, (response) => {
      response.once('data', () => {
        req.destroy();
      });
    });
    req.on('close', () => resolve());
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
    req.end();
  });
}

/** Waits until the server has finished with every connection it was given. */
async function settled(server: Server): Promise<void> {
  for (;;) {
    const count = await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    if (count === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('serveDirectory', () => {
  let root = '';
  let docs = '';
  let server: Server;
  let url: string;
  let swap: (folder: string) => void;
  const big = 'x'.repeat(8 * 1024 * 1024);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'macha-serve-'));
    docs = path.join(root, 'docs');
    writeFileSync(path.join(root, 'secret.txt'), 'outside the served folder');
    mkdirSync(docs);
    writeFileSync(path.join(docs, 'index.html'), '<!DOCTYPE html><title>docs</title>');
    writeFileSync(path.join(docs, 'llms.txt'), '# llms\n');
    writeFileSync(path.join(docs, 'big.txt'), big);
    ({ server, url, swap } = await serveDirectory(docs, 0));
  });

  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('serves index.html at / as uncached HTML, and llms.txt as text, on 127.0.0.1', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<title>docs</title>');
    const llms = await fetch(`${url}llms.txt`);
    expect(llms.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await llms.text()).toBe('# llms\n');
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

  test('300 downloads abandoned mid-stream leave no file descriptor open', async () => {
    const before = openDescriptors();
    for (let batch = 0; batch < 30; batch += 1) {
      await Promise.all(Array.from({ length: 10 }, () => abortedDownload(`${url}big.txt`)));
    }
    await settled(server);
    // A few descriptors may come and go with the event loop; 300 leaked streams would be 300.
    expect(openDescriptors() - before).toBeLessThan(10);
  }, 60_000);

  test('a file that cannot be opened (EMFILE, or gone) fails that download only; serving goes on', async () => {
    // sirv lists the snapshot once; a file removed since fails at open, the way EMFILE does.
    writeFileSync(path.join(docs, 'gone.txt'), 'soon gone');
    const { server: other, url: otherUrl } = await serveDirectory(docs, 0);
    try {
      rmSync(path.join(docs, 'gone.txt'));
      // The headers went out before the open failed: the download is cut short, visibly.
      await expect(fetch(`${otherUrl}gone.txt`).then((response) => response.text())).rejects.toThrow();
      expect((await fetch(otherUrl)).status).toBe(200);
    } finally {
      other.close();
    }
  });

  test('a swap serves the new snapshot whole, while a download begun before it ends with the old one', async () => {
    const next = path.join(root, 'next');
    mkdirSync(next);
    writeFileSync(path.join(next, 'index.html'), '<!DOCTYPE html><title>next</title>');
    writeFileSync(path.join(next, 'big.txt'), 'y'.repeat(big.length));
    const started = await fetch(`${url}big.txt`);
    swap(next);
    rmSync(path.join(docs, 'big.txt'));
    const body = await started.text();
    expect(body.length).toBe(big.length);
    expect(new Set(body)).toEqual(new Set(['x']));
    expect(await (await fetch(url)).text()).toContain('<title>next</title>');
    expect(new Set(await (await fetch(`${url}big.txt`)).text())).toEqual(new Set(['y']));
  });
});
