// The operation x status matrix, built from generated/openapi.json: one case per declared
// (operation, status, named example), with a call whose parameters and body are the spec's own
// examples, so a new operation, status or example becomes a new case without editing a test.
import { bundleOperations, type BundleOperation, type ParameterObject } from '../support/bundle.js';
import type { OperationCall } from './client.js';

/** One cell of the matrix: call operationId so that Prism answers status with this example. */
export interface MatrixCase {
  operationId: string;
  status: string;
  example: string;
  /** The example's value: what the client must hand back as data (2xx) or error (otherwise). */
  expected: unknown;
  call: OperationCall;
}

/** Every declared (operation, status) pair, as "operationId status". */
export function declaredPairs(): string[] {
  return bundleOperations().flatMap((operation) =>
    Object.keys(operation.responses).map((status) => `${operation.operationId} ${status}`),
  );
}

/** Every (operation, numeric status, named example) of the bundle. */
export function matrixCases(): MatrixCase[] {
  return bundleOperations().flatMap((operation) => {
    const call = sampleCall(operation);
    return Object.entries(operation.responses)
      .filter(([status]) => /^\d{3}$/.test(status))
      .flatMap(([status, response]) =>
        Object.entries(response.content['application/json']?.examples ?? {}).map(([example, { value }]) => ({
          operationId: operation.operationId,
          status,
          example,
          expected: value,
          call,
        })),
      );
  });
}

/** A valid call of the operation: every parameter that has an example, and the first body example. */
export function sampleCall(operation: BundleOperation): OperationCall {
  const params: Required<NonNullable<OperationCall['params']>> = { path: {}, query: {}, header: {} };
  for (const parameter of operation.parameters) {
    const value = exampleOf(parameter);
    if (value === undefined) {
      if (parameter.required)
        throw new Error(
          `${operation.operationId}: required ${parameter.in} parameter ${parameter.name} has no example ` +
            'in the spec, so the matrix cannot call it',
        );
      continue;
    }
    if (parameter.in === 'path' || parameter.in === 'query') params[parameter.in][parameter.name] = value;
    else if (parameter.in === 'header') params.header[parameter.name] = String(value);
  }
  const bodyExamples = operation.requestBody?.content['application/json']?.examples;
  const body = bodyExamples ? Object.values(bodyExamples)[0]?.value : undefined;
  return { params, ...(body === undefined ? {} : { body }) };
}

/** The first example a parameter's schema gives. */
function exampleOf(parameter: ParameterObject): unknown {
  const examples = parameter.schema.examples;
  return Array.isArray(examples) ? examples[0] : undefined;
}
