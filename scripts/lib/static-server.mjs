// @ts-check
// The localhost server of `npm run docs:serve` and the browser test: sirv serves one folder, a
// snapshot of the built site that `swap` replaces whole (a request is answered from one snapshot
// or the next, never from a folder being rewritten). Never cached, so a reload shows the latest build.
import { createServer } from 'node:http';
import sirv from 'sirv';

/**
 * A sirv handler for one snapshot folder. sirv reads the folder's file list once, here, so the
 * snapshot it serves is the one given even if another is being written beside it.
 * @param {string} root
 */
function snapshotHandler(root) {
  return sirv(root, {
    dev: false,
    etag: false,
    setHeaders: (response) => response.setHeader('cache-control', 'no-store'),
  });
}

/**
 * Makes sirv's file stream safe: sirv pipes a read stream into the response, and `pipe()` neither
 * closes the file when the reader hangs up mid-download (one leaked descriptor per aborted
 * download) nor handles a read error (EMFILE would crash the process). The response's documented
 * 'pipe' event hands us that stream. sirv has sent the headers by then, so a read error can only
 * cut the connection: the reader sees a failed download (short of its Content-Length), never a
 * torn one that looks complete.
 * @param {import('node:http').ServerResponse} response
 */
function guardStreams(response) {
  response.on('pipe', (source) => {
    const stream = /** @type {import('node:fs').ReadStream} */ (source);
    response.once('close', () => stream.destroy());
    stream.once('error', (error) => response.destroy(error));
  });
}

/**
 * Serves the folder root on 127.0.0.1:port (0 picks a free port); resolves once listening, with
 * the server, its base URL and `swap(folder)`, which makes a new complete folder the one served.
 * Rejects if the port is taken.
 * @param {string} root
 * @param {number} port
 * @returns {Promise<{ server: import('node:http').Server, url: string, swap: (folder: string) => void }>}
 */
export function serveDirectory(root, port) {
  let handler = snapshotHandler(root);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    guardStreams(response);
    handler(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    });
  });
  // A client that resets its connection is its own business, not the server's.
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        url: `http://127.0.0.1:${actualPort}/`,
        swap: (folder) => {
          handler = snapshotHandler(folder);
        },
      });
    });
  });
}
