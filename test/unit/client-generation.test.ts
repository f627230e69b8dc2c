// The generation of the client's table and declarations from any bundle: names from tags and
// operationIds (x-client-method wins), refused when reserved or taken twice, and one declared
// method per operation with its JSDoc.
import { describe, expect, test } from 'vitest';
import { clientSource } from '../../scripts/lib/client-source.mjs';
import { operationTable } from '../../scripts/lib/operations.mjs';
import { StepError } from '../../scripts/lib/steps.mjs';

/** A bundle with the given operations (path → method → operation). */
function bundleOf(paths: Record<string, Record<string, object>>) {
  const page = {
    type: 'object',
    properties: {
      data: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
      meta: { $ref: '#/components/schemas/ListMeta' },
    },
  };
  return {
    openapi: '3.1.0',
    servers: [{ url: 'https://example.test/v1' }],
    paths,
    components: {
      schemas: {
        Thing: { type: 'object', description: 'A thing.', properties: { id: { type: 'string' } } },
        ListMeta: { type: 'object', properties: { next_cursor: { type: ['string', 'null'] } } },
        ThingList: page,
      },
    },
  };
}
const ok = {
  description: 'OK',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingList' } } },
};
const op = (operationId: string, tag: string, extra: object = {}) => ({
  operationId,
  tags: [tag],
  responses: { 200: ok },
  ...extra,
});

describe('client names', () => {
  test.each([
    'Constructor',
    'Has own property',
    'Then',
    'To string',
    'Request',
    'Use',
  ])('a tag that names %j (an Object.prototype or client member) is refused, naming the operation', (tag) => {
    const bundle = bundleOf({ '/things': { get: op('listThings', tag) } });
    expect(() => operationTable(bundle)).toThrow(StepError);
    expect(() => operationTable(bundle)).toThrow(/GET \/things \(listThings\).*not allowed/);
  });

  test('x-client-method names the method; a cursor list also gets <action>All', () => {
    const cursor = { name: 'cursor', in: 'query', schema: { type: 'string' } };
    const bundle = bundleOf({
      '/things': { get: op('listThings', 'Things', { parameters: [cursor] }) },
      '/things/{id}/parts': {
        get: op('listThingParts', 'Things', {
          'x-client-method': 'listParts',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, cursor],
        }),
      },
    });
    const table = operationTable(bundle) as Record<string, { resource: string; action: string; paginated: boolean }>;
    expect(Object.values(table).map(({ resource, action, paginated }) => [resource, action, paginated])).toEqual([
      ['things', 'list', true],
      ['things', 'listParts', true],
    ]);
    const source = clientSource(bundle);
    expect(source).toMatch(
      /listParts\(id: string, params\?: ThingsListPartsParams, options\?: CallOptions\): APIPromise<ThingList>;/,
    );
    expect(source).toMatch(
      /listPartsAll\(id: string, params\?: ThingsListPartsParams, options\?: CallOptions\): AsyncGenerator<Thing, /,
    );
  });

  test('two operations with the same client name are refused, naming both', () => {
    const bundle = bundleOf({ '/a': { get: op('listA', 'Things') }, '/b': { get: op('listB', 'Things') } });
    expect(() => operationTable(bundle)).toThrow(
      /GET \/b \(listB\): maps to macha\.things\.list, which listA already is/,
    );
  });

  test('declarations carry summary, description, scope, deprecation and errors as JSDoc', () => {
    const bundle = bundleOf({
      '/things/{id}': {
        get: op('getThing', 'Things', {
          summary: 'Retrieve a thing',
          description: 'Returns one thing.',
          'x-required-scope': 'things:read',
          deprecated: true,
          parameters: [{ name: 'id', in: 'path', required: true, description: 'The ID.', schema: { type: 'string' } }],
          responses: { 200: ok, 404: { description: 'No such thing.' }, 503: { description: 'Down.' } },
        }),
      },
    });
    const source = clientSource(bundle);
    for (const line of [
      'Retrieve a thing',
      'Returns one thing.',
      'Scope: `things:read`.',
      '@param id The ID.',
      '@throws {NotFoundError} 404 No such thing.',
      '@throws {InternalServerError} 503 Down.',
      '@deprecated',
    ])
      expect(source).toContain(line);
    expect(source).toContain('retrieve(id: string, options?: CallOptions): APIPromise<ThingList>;');
  });
});
