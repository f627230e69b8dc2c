// @ts-check
// TypeScript, imported normally. Kept only for scripts/lib/package.mjs, package-cache.mjs and
// test/docs/code-samples-typecheck.test.ts (other helpers' files), which import loadTypeScript;
// delete this file when they import `typescript` themselves.
import ts from 'typescript';

/** The TypeScript compiler API (the `typescript` package). */
export function loadTypeScript() {
  return ts;
}
