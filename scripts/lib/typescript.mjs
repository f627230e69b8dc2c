// @ts-check
// TypeScript through its main entry point, loaded with require(): an ESM import of this 9 MB
// CommonJS module makes Node scan its source for export names first (seconds of CPU on a busy
// machine). Used by scripts/lib/package.mjs and package-cache.mjs (client helper) and
// test/docs/code-samples-typecheck.test.ts; they may as well `createRequire` it themselves.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The TypeScript compiler API (the `typescript` package's main entry). */
export function loadTypeScript() {
  return /** @type {typeof import('typescript')} */ (require('typescript'));
}
