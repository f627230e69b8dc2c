// Every example in the bundle is valid against its own schema, checked with Ajv (JSON Schema
// 2020-12) independently of Redocly's no-invalid-*-examples rules.
import { describe, expect, test } from 'vitest';
import { bundle, describeErrors, validatorFor } from '../support/bundle.js';

interface ExampleCase {
  where: string;
  schema: object;
  value: unknown;
}

/** Named examples of media types and parameters, and `examples` of schemas, found anywhere in the bundle. */
function collectExamples(node: unknown, where: string, found: ExampleCase[] = []): ExampleCase[] {
  if (Array.isArray(node)) {
    for (const [index, child] of node.entries()) collectExamples(child, `${where}/${index}`, found);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const schema = record.schema as object | undefined;
    if (schema && record.examples && typeof record.examples === 'object' && !Array.isArray(record.examples)) {
      for (const [name, example] of Object.entries(record.examples as Record<string, { value: unknown }>)) {
        found.push({ where: `${where}/examples/${name}`, schema, value: example.value });
      }
    }
    if (
      Array.isArray(record.examples) &&
      (record.type !== undefined ||
        record.anyOf !== undefined ||
        record.$ref !== undefined ||
        record.pattern !== undefined)
    ) {
      for (const [index, value] of record.examples.entries()) {
        found.push({ where: `${where}/examples/${index}`, schema: record, value });
      }
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== 'examples') collectExamples(child, `${where}/${key}`, found);
    }
  }
  return found;
}

interface BodyLike {
  $ref?: string;
  content?: Record<string, { examples?: Record<string, unknown> }>;
}
interface OperationLike {
  responses?: Record<string, BodyLike>;
  requestBody?: BodyLike;
}

/** Follows a `#/components/responses/Name` ref. */
function resolve(body: BodyLike): BodyLike {
  const name = body.$ref?.replace('#/components/responses/', '');
  return name ? (bundle.components.responses?.[name] as BodyLike) : body;
}

const cases = collectExamples(bundle, '#');

describe('examples in generated/openapi.json', () => {
  test('every response of every operation, and every request body, has a named example', () => {
    const missing: string[] = [];
    for (const [url, item] of Object.entries(bundle.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, OperationLike>)) {
        if (!operation.responses) continue;
        const bodies = Object.entries(operation.responses).map(
          ([status, response]) => [status, resolve(response)] as const,
        );
        if (operation.requestBody) bodies.push(['request body', operation.requestBody]);
        for (const [what, body] of bodies) {
          const examples = body.content?.['application/json']?.examples ?? {};
          if (Object.keys(examples).length === 0) missing.push(`${method.toUpperCase()} ${url} ${what}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test.each(cases.map((c) => [c.where, c] as const))('%s is valid against its schema', (_where, { schema, value }) => {
    const validate = validatorFor(schema);
    expect(validate(value), describeErrors(validate)).toBe(true);
  });
});
