// @ts-check
// Watches what the pipeline reads (spec/, redocly.yaml, .spectral.yaml) with chokidar and runs a
// rebuild once changes settle, never two at once: changes made during a run start exactly one more
// run, with every file changed meanwhile. Shared by `npm run generate:watch` and `npm run docs:serve`.
// chokidar, not fs.watch: it follows saves that write a new file and rename it over the old one
// (vim, sed -i, many IDEs), which Node 20's recursive fs.watch misses on Linux, and it keeps
// watching a folder that is deleted and created again.
import path from 'node:path';
import { watch } from 'chokidar';

/** Files at the project root whose changes count, besides everything under spec/. */
const CONFIG_FILES = ['redocly.yaml', '.spectral.yaml'];

/**
 * Calls `run(changed)` after files under root/spec/ or the lint configs change and then stay
 * quiet for `quietMs` (a save can be several file events). `changed` lists the changed files
 * relative to root, sorted. A rejection of `run` is reported and watching goes on.
 * @param {string} root
 * @param {(changed: string[]) => Promise<void>} run
 * @param {{ quietMs?: number, onReady?: () => void }} [options]
 * @returns {() => Promise<void>} stops watching
 */
export function watchSpec(root, run, options = {}) {
  const quietMs = options.quietMs ?? 30;
  /** @type {Set<string>} */
  let pending = new Set();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let running = false;

  const start = async () => {
    if (running || pending.size === 0) return;
    running = true;
    const changed = [...pending].sort();
    pending = new Set();
    await run(changed).catch((/** @type {unknown} */ error) =>
      process.stderr.write(`watch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    );
    running = false;
    await start();
  };
  const watcher = watch([path.join(root, 'spec'), ...CONFIG_FILES.map((file) => path.join(root, file))], {
    ignoreInitial: true,
    atomic: true,
  });
  watcher.on('all', (event, file) => {
    // A folder's own events add nothing: its files report themselves.
    if (event === 'addDir' || event === 'unlinkDir') return;
    pending.add(path.relative(root, file));
    clearTimeout(timer);
    timer = setTimeout(start, quietMs);
  });
  watcher.on('error', (error) => process.stderr.write(`watch: ${String(error)}\n`));
  if (options.onReady) watcher.on('ready', options.onReady);
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
}
