// Every declared (operation, status) pair, and every named example of it, called through the
// client against the Prism mock (`Prefer: code=…, example=…`): the client must land in the right
// branch with the example as its data or error, and every response must match the spec.
import { describe, expect, test } from 'vitest';
import { useSpecCheck } from '../support/spec-check.js';
import { callOperation, createTestClient } from './client.js';
import { declaredPairs, matrixCases } from './matrix.js';
import { apiTarget } from './target.js';

const target = await apiTarget();
const cases = matrixCases();
const tested = new Set<string>();

// Prefer headers steer only the mock; a real server answers what it answers.
describe.runIf(target.kind === 'prism')('operation x status matrix (Prism mock)', () => {
  const spec = useSpecCheck({ baseUrl: target.baseUrl, sameRequestId: false });
  const client = createTestClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, fetch: spec.fetch });

  test.each(
    cases.map(
      (matrixCase) => [`${matrixCase.operationId}: ${matrixCase.status} ${matrixCase.example}`, matrixCase] as const,
    ),
  )('%s', async (_name, { operationId, status, example, expected, call }) => {
    const result = await callOperation(client, operationId, {
      ...call,
      headers: { Prefer: `code=${status}, example=${example}` },
    });
    expect(result.response.status).toBe(Number(status));
    if (result.response.ok) {
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual(expected);
    } else {
      expect(result.data).toBeUndefined();
      expect(result.error).toEqual(expected);
    }
    tested.add(`${operationId} ${status}`);
  });

  // Runs after the cases above (tests of a file run in order).
  test('coverage: every declared (operation, status) pair was exercised', () => {
    const declared = declaredPairs();
    const percent = ((100 * tested.size) / declared.length).toFixed(1);
    console.log(
      `matrix coverage: ${tested.size}/${declared.length} (operation, status) pairs (${percent}%), ` +
        `${cases.length} cases with named examples`,
    );
    expect(declared.filter((pair) => !tested.has(pair))).toEqual([]);
  });
});
