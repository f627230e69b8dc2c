// llms.txt and llms-full.txt, the docs for AI agents: built from the bundle only, the same bytes
// every time, and llms-full.txt names every operation, status and error code of the bundle.
import { describe, expect, test } from 'vitest';
import { guidePages, llmsFull, llmsIndex } from '../../scripts/lib/llms.mjs';
import { operations, resolve } from '../../scripts/lib/openapi.mjs';
import { bundle } from '../support/bundle.js';

const full = llmsFull(bundle);
const index = llmsIndex(bundle);

/** Every error code the bundle knows: the ErrorCode enum and the codes of the error examples. */
function errorCodes(): string[] {
  const codes = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const error = (node as { error?: { code?: unknown } }).error;
      if (typeof error?.code === 'string') codes.add(error.code);
      Object.values(node).forEach(walk);
    }
  };
  walk(bundle);
  const known = resolve(bundle, { $ref: '#/components/schemas/ErrorCode' }) as { anyOf?: { enum?: string[] }[] };
  for (const branch of known?.anyOf ?? []) for (const code of branch.enum ?? []) codes.add(code);
  return [...codes].sort();
}

describe('llms-full.txt', () => {
  test('has every operation with its method, path, operationId, scope and every status it declares', () => {
    for (const op of operations(bundle)) {
      const start = full.indexOf(`### ${op.method.toUpperCase()} ${op.path}: ${op.operation.summary}`);
      expect(start, `${op.operationId} heading`).toBeGreaterThanOrEqual(0);
      const section = full.slice(start, full.indexOf('\n### ', start + 1));
      expect(section).toContain(`\`${op.operationId}\``);
      // GET / is open (`security: []`): it has no scope, and the reader is told no key is needed.
      const open = Array.isArray(op.operation.security) && op.operation.security.length === 0;
      expect(section).toContain(open ? 'Scope: none, no API key' : `Scope: \`${op.operation['x-required-scope']}\``);
      for (const status of Object.keys(op.operation.responses ?? {})) {
        expect(section, `${op.operationId} ${status}`).toMatch(new RegExp(`^- ${status}:`, 'm'));
      }
      for (const parameter of op.parameters) expect(section).toContain(`\`${parameter.name}\` (${parameter.in}`);
      expect(section, `${op.operationId} has an example`).toContain('```json');
    }
  });

  test('names every error code of the bundle', () => {
    const codes = errorCodes();
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(full, code).toContain(`\`${code}\``);
  });

  test('has every guide page and every model', () => {
    for (const page of guidePages(bundle)) expect(full).toContain(`## ${page.title}\n`);
    for (const name of Object.keys(bundle.components.schemas ?? {})) expect(full).toContain(`### ${name}\n`);
  });

  test('is deterministic: the same bundle, a copy of it, gives the same bytes', () => {
    expect(llmsFull(structuredClone(bundle))).toBe(full);
    expect(llmsIndex(structuredClone(bundle))).toBe(index);
  });
});

describe('llms.txt', () => {
  test('has one line per guide page and per operation, each a link into the page and a sentence', () => {
    const lines = index.split('\n').filter((line) => line.startsWith('- ['));
    expect(lines).toHaveLength(guidePages(bundle).length + operations(bundle).length);
    for (const line of lines) expect(line).toMatch(/^- \[[^\]]+\]\(index\.html(#[^)]+)?\): \S.*[.!?]$/);
    for (const op of operations(bundle)) expect(index).toContain(`operation/${op.operationId})`);
    expect(index).toContain('#tag/Using-the-TypeScript-client)');
    expect(index).toContain('#tag/Developing-against-the-mock)');
  });
});
