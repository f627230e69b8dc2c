// @ts-check
// Watches what the pipeline reads (spec/, redocly.yaml, .spectral.yaml) and runs a rebuild once
// changes settle, never two at once: changes made during a run start exactly one more run, with
// every file changed meanwhile. Shared by `npm run generate:watch` and `npm run docs:serve`.
//
// One watch per folder, not per file: editors and tools that save by writing a new file and
// renaming it over the old one (vim, sed -i, many IDEs) would end a file's watch, and Node 20's
// recursive watch on Linux misses such saves. A folder's watch sees its entries replaced.
import { existsSync, readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';

/** Files at the project root whose changes count, besides everything under spec/. */
const CONFIG_FILES = ['redocly.yaml', '.spectral.yaml'];

/**
 * Every folder under dir, dir included.
 * @param {string} dir
 */
function foldersUnder(dir) {
  return [
    dir,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  ];
}

/**
 * Calls `run(changed)` after the files under root/spec/ or the lint configs change and then stay
 * quiet for `quietMs` (a save can be several file events). `changed` lists the changed files
 * relative to root: the ones that exist, and the ones removed (a temporary file an editor wrote
 * and renamed is not listed). A rejection of `run` is reported and watching goes on.
 * @param {string} root
 * @param {(changed: string[]) => Promise<void>} run
 * @param {{ quietMs?: number }} [options]
 * @returns {() => void} stops watching
 */
export function watchSpec(root, run, options = {}) {
  const quietMs = options.quietMs ?? 50;
  const specDir = path.join(root, 'spec');
  /** Files seen so far, so that a removed one is reported and a vanished temporary one is not. */
  const known = new Set(readdirSync(specDir, { recursive: true }).map((name) => path.join('spec', name.toString())));
  /** @type {Map<string, import('node:fs').FSWatcher>} */
  const watchers = new Map();
  /** @type {Set<string>} */
  let pending = new Set();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let running = false;

  const start = async () => {
    if (running || pending.size === 0) return;
    running = true;
    const changed = [...pending].filter((file) => existsSync(path.join(root, file)) || known.has(file)).sort();
    pending = new Set();
    for (const file of changed) known.add(file);
    if (changed.length > 0) {
      await run(changed).catch((/** @type {unknown} */ error) =>
        process.stderr.write(`watch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
      );
    }
    running = false;
    await start();
  };
  /** @param {string} file relative to root */
  const changedFile = (file) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(start, quietMs);
  };
  /** @param {string} dir absolute, under spec/ */
  const watchFolder = (dir) => {
    if (watchers.has(dir)) return;
    const watcher = watch(dir, (_event, name) => {
      if (!name) return;
      const file = path.join(dir, name.toString());
      // A new folder (a new kind of component, say) gets its own watch.
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory())
        for (const folder of foldersUnder(file)) watchFolder(folder);
      else changedFile(path.relative(root, file));
    });
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };

  for (const folder of foldersUnder(specDir)) watchFolder(folder);
  const rootWatcher = watch(
    root,
    (_event, name) => name && CONFIG_FILES.includes(name.toString()) && changedFile(name.toString()),
  );
  return () => {
    clearTimeout(timer);
    for (const watcher of [...watchers.values(), rootWatcher]) watcher.close();
  };
}
