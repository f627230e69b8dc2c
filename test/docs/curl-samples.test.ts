// The curl sample of every operation is a request the spec accepts: the operation's method and
// URL (on the spec's server), the bearer header, declared query parameters, a path ID, an
// Idempotency-Key and a JSON body that each validate against their schemas. A copy-pasted
// command from the docs must never be a 422.
import { describe, expect, test } from 'vitest';
import { bundle, describeErrors, operationById, validatorFor } from '../support/bundle.js';
import { documentedOperations } from '../support/operations.js';

interface CurlCommand {
  method: string;
  url: URL;
  headers: Map<string, string>;
  body: string | undefined;
}

/** Splits a shell command into words, honouring '…' and "…" quotes and `\` line continuations. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  const text = command.replace(/\\\n/g, ' ');
  for (const match of text.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    words.push(match[1] ?? match[2]?.replace(/\\(.)/g, '$1') ?? match[3]!);
  }
  return words;
}

/** Reads the curl options the samples use (-X, -H, -d); anything else is an error to fix here. */
function parseCurl(source: string): CurlCommand {
  const words = shellWords(
    source
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n'),
  );
  expect(words[0], 'the sample must be one curl command').toBe('curl');
  const headers = new Map<string, string>();
  let method: string | undefined;
  let body: string | undefined;
  let url: string | undefined;
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index]!;
    const value = words[index + 1];
    if (word === '-H' && value !== undefined) {
      const [name = '', ...rest] = value.split(':');
      headers.set(name.trim().toLowerCase(), rest.join(':').trim());
      index += 1;
    } else if (word === '-X' && value !== undefined) {
      method = value.toLowerCase();
      index += 1;
    } else if (word === '-d' && value !== undefined) {
      body = value;
      index += 1;
    } else if (!word.startsWith('-') && url === undefined) {
      url = word;
    } else {
      throw new Error(`curl option ${word} is not understood by this test; teach parseCurl about it`);
    }
  }
  if (url === undefined) throw new Error('the curl sample has no URL');
  return { method: method ?? (body === undefined ? 'get' : 'post'), url: new URL(url), headers, body };
}

const server = (bundle.servers as { url: string }[])[0]!.url;

describe('curl samples', () => {
  test.each(
    documentedOperations().map((operation) => [operation.operationId, operation] as const),
  )('%s: the curl sample is a valid request', (_id, operation) => {
    const curl = parseCurl(operation.samples.curl ?? '');
    // Path-level and operation parameters, refs resolved.
    const { parameters, requestBody } = operationById(operation.operationId);

    expect(curl.method).toBe(operation.method);
    expect(curl.headers.get('authorization')).toBe('Bearer $MACHA_API_KEY');
    expect(`${curl.url.origin}${curl.url.pathname}`.startsWith(`${server}/`), `${curl.url} is not on ${server}`).toBe(
      true,
    );

    const template = operation.path.split('/');
    const actual = curl.url.pathname.slice(new URL(server).pathname.length).split('/');
    expect(actual.length, `${curl.url.pathname} does not match ${operation.path}`).toBe(template.length);
    for (const [index, segment] of template.entries()) {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name === undefined) {
        expect(actual[index]).toBe(segment);
        continue;
      }
      const parameter = parameters.find((candidate) => candidate.in === 'path' && candidate.name === name)!;
      const validate = validatorFor(parameter.schema);
      expect(validate(actual[index]), `path parameter ${name}: ${describeErrors(validate)}`).toBe(true);
    }

    for (const [name, value] of curl.url.searchParams) {
      const parameter = parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
      expect(parameter, `query parameter ${name} is not declared`).toBeDefined();
      const validate = validatorFor(parameter!.schema);
      const typed = /^-?\d+$/.test(value) ? Number(value) : value;
      expect(validate(typed), `query parameter ${name}: ${describeErrors(validate)}`).toBe(true);
    }

    const idempotencyKey = parameters.find(
      (parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key',
    );
    if (idempotencyKey) {
      const value = curl.headers.get('idempotency-key');
      expect(value, 'an operation that takes an Idempotency-Key shows one in its sample').toBeDefined();
      const validate = validatorFor(idempotencyKey.schema);
      expect(validate(value), `Idempotency-Key: ${describeErrors(validate)}`).toBe(true);
    }

    if (requestBody) {
      expect(curl.headers.get('content-type')).toBe('application/json');
      const validate = validatorFor(requestBody.content['application/json']!.schema);
      expect(validate(JSON.parse(curl.body ?? 'null')), `body: ${describeErrors(validate)}`).toBe(true);
    } else {
      expect(curl.body).toBeUndefined();
    }
  });
});
