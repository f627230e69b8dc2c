import { describe, expect, it } from 'vitest';
import {
  componentName,
  HTTP_METHODS,
  operations,
  pathMatcher,
  pathRegexSource,
  refTarget,
  resolve,
} from '../../scripts/lib/openapi.mjs';

const doc = {
  paths: {
    '/agents/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: { operationId: 'getAgent', parameters: [{ name: 'id', in: 'path', description: 'own' }] },
      trace: { operationId: 'traceAgent' },
    },
    '/agents/trash': { get: { operationId: 'listTrash' } },
    '/a.b/{x}': { delete: { operationId: 'deleteDotted' } },
  },
  components: {
    parameters: { Id: { $ref: '#/components/parameters/Real' }, Real: { name: 'id', in: 'path' } },
    schemas: { 'A/B': { type: 'string' } },
  },
};

describe('the OpenAPI model', () => {
  it('walks every method a path item can hold, with merged, resolved parameters', () => {
    const walked = operations(doc);
    expect(walked.map((o) => `${o.method} ${o.path}`)).toEqual([
      'get /agents/{id}',
      'trace /agents/{id}',
      'get /agents/trash',
      'delete /a.b/{x}',
    ]);
    expect(walked[0]?.parameters).toEqual([{ name: 'id', in: 'path', description: 'own' }]);
    expect(walked[1]?.parameters).toEqual([{ name: 'id', in: 'path' }]);
    expect(walked[0]?.pointer).toBe('#/paths/~1agents~1{id}/get');
    expect(HTTP_METHODS).toHaveLength(8);
  });

  it('resolves chains of refs and escaped pointers, and names what it cannot resolve', () => {
    expect(resolve(doc, { $ref: '#/components/parameters/Id' })).toEqual({ name: 'id', in: 'path' });
    expect(refTarget(doc, '#/components/schemas/A~1B')).toEqual({ type: 'string' });
    expect(() => refTarget(doc, '#/components/schemas/Nope')).toThrow('unresolvable $ref #/components/schemas/Nope');
    expect(() => resolve({ a: { $ref: '#/a' } }, { $ref: '#/a' })).toThrow('$ref cycle');
    expect(componentName('#/components/schemas/AgentCreate')).toBe('AgentCreate');
    expect(componentName('#/paths/x')).toBeUndefined();
  });

  it('matches paths literally, preferring fewer parameters, and returns raw parameter values', () => {
    const match = pathMatcher(doc);
    expect(match('GET', '/agents/trash')?.operation.operationId).toBe('listTrash');
    expect(match('get', '/agents/agent_1')?.params).toEqual({ id: 'agent_1' });
    expect(match('DELETE', '/a.b/%2e%2e')?.params).toEqual({ x: '%2e%2e' });
    expect(match('DELETE', '/aXb/1')).toBeUndefined();
    expect(match('GET', '/agents/a/b')).toBeUndefined();
    expect(pathRegexSource('/a.b/{x}')).toBe('^/a\\.b/([^/]+)$');
  });
});
