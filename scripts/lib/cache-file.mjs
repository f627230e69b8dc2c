// @ts-check
// Writing the pipeline's caches (TypeScript's compiled code, the last package build): a cache is
// replaced whole or not at all, and a cache that cannot be written is only a slower next run.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes data to file aside and renames it into place, so that processes running side by side
 * never read half a file. Never fails: a read-only folder means no cache.
 * @param {string} file
 * @param {string | Uint8Array} data
 */
export function writeCacheFile(file, data) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // No cache: the next run does the work again.
  }
}
