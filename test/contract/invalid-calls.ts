// Invalid calls derived from the spec's own constraints: for every parameter, the values just
// outside its bounds or pattern, and for every request body, the sample body without each of its
// required fields. Each names the cause that Prism's `sl-violations` must report.
import { resolveRef, validatorFor, type BundleOperation, type ParameterObject } from '../support/bundle.js';
import type { OperationCall } from './client.js';
import { sampleCall } from './matrix.js';

/** A call that breaks one rule of the spec, and where Prism must say it broke. */
export interface InvalidCall {
  name: string;
  call: OperationCall;
  /** The violation's location in `sl-violations`, e.g. ['request', 'query', 'limit']. */
  location: string[];
  /** The JSON Schema keyword that fails, e.g. 'maximum', 'pattern', 'required'. */
  keyword: string;
  /** Text the violation's message must contain (the parameter or field name). */
  mentions: string;
}

/** Every invalid call the spec's constraints give for an operation. */
export function invalidCalls(operation: BundleOperation): InvalidCall[] {
  const sample = sampleCall(operation);
  return [
    ...operation.parameters.flatMap((parameter) => parameterCases(sample, parameter)),
    ...bodyCases(operation, sample),
  ];
}

function parameterCases(sample: OperationCall, parameter: ParameterObject): InvalidCall[] {
  const where = parameter.in;
  if (where === 'cookie') return [];
  const { schema } = parameter;
  const values: Array<[keyword: string, value: unknown]> = [];
  if (typeof schema.minimum === 'number') values.push(['minimum', schema.minimum - 1]);
  if (typeof schema.maximum === 'number') values.push(['maximum', schema.maximum + 1]);
  // Prism reads an empty query value (`?cursor=`) as absent and answers 200, so the empty string of
  // a minLength of 1 is checked against the fake instead (test/fake).
  if (typeof schema.minLength === 'number' && schema.minLength > 1)
    values.push(['minLength', 'x'.repeat(schema.minLength - 1)]);
  if (typeof schema.maxLength === 'number') values.push(['maxLength', 'x'.repeat(schema.maxLength + 1)]);
  if (typeof schema.pattern === 'string') values.push(['pattern', notMatching(schema)]);
  // Prism reports header names in lower case.
  const location = ['request', where, where === 'header' ? parameter.name.toLowerCase() : parameter.name];
  return values.map(([keyword, value]) => ({
    name: `${where} ${parameter.name} = ${JSON.stringify(value)}`,
    call: { ...sample, params: { ...sample.params, [where]: { ...sample.params?.[where], [parameter.name]: value } } },
    location,
    keyword,
    mentions: parameter.name.toLowerCase(),
  }));
}

/**
 * A value close to the schema's example that its pattern rejects: one character short, or with a
 * space. Never the empty string, which Prism reads as an absent query parameter (see above).
 */
function notMatching(schema: Record<string, unknown>): string {
  const example = String((schema.examples as unknown[] | undefined)?.[0] ?? 'x');
  const validate = validatorFor(schema);
  const candidates = [example.slice(0, -1), `${example} ${example}`, '!'].filter((candidate) => candidate !== '');
  const found = candidates.find((candidate) => !validate(candidate));
  if (found === undefined) throw new Error(`no value found that breaks the pattern ${String(schema.pattern)}`);
  return found;
}

function bodyCases(operation: BundleOperation, sample: OperationCall): InvalidCall[] {
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (!schema || !sample.body || typeof sample.body !== 'object') return [];
  const body = sample.body as Record<string, unknown>;
  return requiredFields(schema)
    .filter((field) => field in body)
    .map((field) => ({
      name: `body without ${field}`,
      call: { ...sample, body: Object.fromEntries(Object.entries(body).filter(([key]) => key !== field)) },
      location: ['request', 'body'],
      keyword: 'required',
      mentions: `'${field}'`,
    }));
}

/** The always-required fields of an object schema, including those of its allOf members. */
function requiredFields(node: unknown): string[] {
  const schema = resolveRef<Record<string, unknown>>(node);
  const own = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const members = Array.isArray(schema.allOf) ? (schema.allOf as unknown[]).flatMap(requiredFields) : [];
  return [...own, ...members];
}
