// @ts-check
// The HTTP server the client benchmarks call, on 127.0.0.1 (node:http, keep-alive): fixed answers
// taken from the spec's own examples for GET /connectors, GET /connectors/{id} and POST /agents,
// with the headers every Macha response carries.
//
// `--items N` makes GET /connectors a paging server over N synthetic connectors (the listAll
// memory benchmark). STAND-IN: the stateful fake server is being written in test/fake by another
// change; this minimal paging server is meant to be replaced by it.
// Run as a child process: prints `listening <port>` on stdout.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

const bundle = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'generated', 'openapi.json'), 'utf8'));
/** @param {string} url @param {string} method @param {string} status */
const example = (url, method, status) => Object.values(bundle.paths[url][method].responses[status].content['application/json'].examples)[0].value;
const BODIES = {
  list: JSON.stringify(example('/connectors', 'get', '200')),
  detail: JSON.stringify(example('/connectors/{id}', 'get', '200')),
  created: JSON.stringify(example('/agents', 'post', '201')),
};
const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_a0b88aa084bac0f7', 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '599', 'x-ratelimit-reset': '1782900000' };

const { values } = parseArgs({ options: { items: { type: 'string' } } });
const items = values.items === undefined ? 0 : Number(values.items);
const [connector] = JSON.parse(BODIES.list).data;

/**
 * Page `cursor` (the index of its first item, as the opaque cursor) of `limit` synthetic connectors.
 * @param {number} start
 * @param {number} limit
 */
function page(start, limit) {
  const data = [];
  for (let index = start; index < Math.min(items, start + limit); index += 1) {
    data.push({ ...connector, id: `connector_${index.toString(16).padStart(24, '0')}`, name: `Connector ${index}` });
  }
  const next = start + limit < items ? `c${start + limit}` : null;
  return JSON.stringify({ data, meta: { request_id: 'req_a0b88aa084bac0f7', next_cursor: next } });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let body;
  let status = 200;
  if (request.method === 'GET' && url.pathname === '/api/v1/connectors') {
    body = items > 0 ? page(Number((url.searchParams.get('cursor') ?? 'c0').slice(1)), Number(url.searchParams.get('limit') ?? '25')) : BODIES.list;
  } else if (request.method === 'GET' && url.pathname.startsWith('/api/v1/connectors/')) {
    body = BODIES.detail;
  } else if (request.method === 'POST' && url.pathname === '/api/v1/agents') {
    status = 201;
    body = BODIES.created;
  } else {
    status = 404;
    body = JSON.stringify({ error: { code: 'not_found', message: 'No such route.', request_id: 'req_a0b88aa084bac0f7' } });
  }
  // Read the request body, if any, before answering (as a real server would).
  request.resume();
  request.on('end', () => response.writeHead(status, { ...HEADERS, 'content-length': Buffer.byteLength(body) }).end(body));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
