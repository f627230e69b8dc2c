// @ts-check
// The HTTP server the client benchmarks call, on 127.0.0.1 (node:http, keep-alive): fixed answers
// taken from the spec's own examples for GET /connectors, GET /connectors/{id} and POST /agents,
// with the headers every Macha response carries. (The listAll benchmark pages through the stateful
// mock of mock/ instead: lib/list-all.mjs.)
// Run as a child process: prints `listening <port>` on stdout.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const bundle = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', '..', 'generated', 'openapi.json'), 'utf8'),
);
/** @param {string} url @param {string} method @param {string} status */
const example = (url, method, status) =>
  Object.values(bundle.paths[url][method].responses[status].content['application/json'].examples)[0].value;
const BODIES = {
  list: JSON.stringify(example('/connectors', 'get', '200')),
  detail: JSON.stringify(example('/connectors/{id}', 'get', '200')),
  created: JSON.stringify(example('/agents', 'post', '201')),
};
const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-request-id': 'req_a0b88aa084bac0f7',
  'x-ratelimit-limit': '600',
  'x-ratelimit-remaining': '599',
  'x-ratelimit-reset': '1782900000',
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let body;
  let status = 200;
  if (request.method === 'GET' && url.pathname === '/api/v1/connectors') {
    body = BODIES.list;
  } else if (request.method === 'GET' && url.pathname.startsWith('/api/v1/connectors/')) {
    body = BODIES.detail;
  } else if (request.method === 'POST' && url.pathname === '/api/v1/agents') {
    status = 201;
    body = BODIES.created;
  } else {
    status = 404;
    body = JSON.stringify({
      error: { code: 'not_found', message: 'No such route.', request_id: 'req_a0b88aa084bac0f7' },
    });
  }
  // Read the request body, if any, before answering (as a real server would).
  request.resume();
  request.on('end', () =>
    response.writeHead(status, { ...HEADERS, 'content-length': Buffer.byteLength(body) }).end(body),
  );
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
