// @ts-check
// A minimal static file server for the built docs (node:http, no dependency): GET and HEAD of the
// files under one folder, on 127.0.0.1 only, never cached so a reload shows the latest build.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The file under root that a request path names (`/` is index.html), or undefined when the path
 * is malformed or leaves root.
 * @param {string} root absolute folder
 * @param {string} urlPath
 */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const file = path.join(root, path.normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * Serves root on 127.0.0.1:port (0 picks a free port); resolves once listening, with the server
 * and its base URL. Rejects if the port is taken.
 * @param {string} root
 * @param {number} port
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export function serveDirectory(root, port) {
  const base = path.resolve(root);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(base, request.url ?? '/');
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${request.url}\n`);
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actualPort}/` });
    });
  });
}
