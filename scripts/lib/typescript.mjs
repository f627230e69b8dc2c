// @ts-check
// TypeScript through its main entry point, loaded with require(): an ESM import of this 9 MB
// CommonJS module makes Node scan its source for export names first (seconds of CPU on a busy
// machine). Used by the pipeline's TypeScript steps and the samples' type check.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The TypeScript compiler API (the `typescript` package's main entry). */
export function loadTypeScript() {
  return /** @type {typeof import('typescript')} */ (require('typescript'));
}
