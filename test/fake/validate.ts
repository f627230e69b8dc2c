// Request checks of the fake, each answering `422 validation_failed` with a message that names
// the field, as the spec's UnprocessableEntity response describes. Parameters and bodies are
// checked with Ajv against the bundle's own schemas, so the fake accepts exactly what the spec
// accepts (the cursor and the ID, whose forms are the fake's own, excepted).
import type { AgentCreate } from '../../generated/schema.js';
import { describeErrors, operationById, schemaValidator, validatorFor } from '../support/bundle.js';
import { connectorHex } from './ids.js';

/** A checked value, or the reason it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** The schema the spec gives a parameter of an operation. */
function parameterSchema(operationId: string, name: string): Record<string, unknown> {
  const parameter = operationById(operationId).parameters.find((candidate) => candidate.name === name);
  if (!parameter) throw new Error(`the spec's ${operationId} has no parameter ${name}: update test/fake/validate.ts`);
  return parameter.schema;
}

const limitSchema = parameterSchema('listConnectors', 'limit');
const validLimit = validatorFor(limitSchema);

/** `limit`: an integer within the spec's bounds (1 to 100), its default (25) when absent. */
export function checkLimit(raw: string | null): Checked<number> {
  if (raw === null) return { ok: true, value: limitSchema.default as number };
  const value = Number(raw);
  return /^\d+$/.test(raw) && validLimit(value) ? { ok: true, value } : fail('limit must be an integer from 1 to 100.');
}

/** `cursor`: absent, or a cursor this fake handed out (the prefixed ID of the last item seen). */
export function checkCursor(raw: string | null): Checked<string | undefined> {
  if (raw === null) return { ok: true, value: undefined };
  const hex = /^connector_([0-9a-f]{24})$/.exec(raw)?.[1];
  return hex ? { ok: true, value: hex } : fail('cursor is malformed: send back a meta.next_cursor unchanged.');
}

/** The `{id}` path parameter: a prefixed connector ID or a bare 24-hex ObjectId. */
export function checkConnectorId(raw: string): Checked<string> {
  const hex = connectorHex(decodeURIComponent(raw));
  return hex
    ? { ok: true, value: hex }
    : fail('id must be a connector ID (connector_ and 24 hex digits) or a bare 24-hex ObjectId.');
}

const validIdempotencyKey = validatorFor(parameterSchema('createAgent', 'Idempotency-Key'));

/** `Idempotency-Key`: absent, or as the spec's schema has it (1–128 printable ASCII characters without spaces). */
export function checkIdempotencyKey(raw: string | undefined): Checked<string | undefined> {
  if (raw === undefined) return { ok: true, value: undefined };
  return validIdempotencyKey(raw)
    ? { ok: true, value: raw }
    : fail('Idempotency-Key must be 1 to 128 printable ASCII characters without spaces.');
}

const agentCreate = schemaValidator('AgentCreate');

/** The body of `POST /agents`: JSON valid against AgentCreate. */
export function checkAgentBody(text: string): Checked<AgentCreate> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail('The request body is not valid JSON.');
  }
  return agentCreate(body)
    ? { ok: true, value: body as AgentCreate }
    : fail(`The request body is invalid: ${describeErrors(agentCreate)}.`);
}
