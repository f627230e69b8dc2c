// @ts-check
// One pipeline run at a time per project: an exclusive lock file (created with `wx`, so exactly
// one process can create it) holding its owner's pid. A second run waits for it and says so; a
// lock whose owner is no longer alive (a killed run) is taken over.
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StepError } from './steps.mjs';

/** How often a waiting run looks at the lock again. */
const POLL_MS = 100;

/**
 * Whether a process with this pid is alive (signal 0 checks without sending anything).
 * @param {number} pid
 */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * The pid written in a lock file, or undefined when it cannot be read (being written, or gone).
 * @param {string} file
 */
async function holder(file) {
  const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Creates the lock file; false when another process holds it.
 * @param {string} file
 */
async function tryCreate(file) {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a stale lock (its owner dead). It is renamed aside first, so that of two runs that both
 * found it stale only one removes it; the other then competes for the new lock with `wx`.
 * @param {string} file
 * @param {number} pid the dead owner
 */
async function breakStale(file, pid) {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch {
    return; // another run moved it first
  }
  const moved = await holder(aside);
  // Between our read and the rename, another run may have replaced the stale lock with its own.
  if (moved !== pid) await rename(aside, file).catch(() => {});
  else await rm(aside, { force: true });
}

/**
 * Runs `run` holding the exclusive lock `file`. Waits while another live process holds it,
 * calling `onWait(pid)` once; gives up with a StepError after `timeoutMs`.
 * @template T
 * @param {string} file
 * @param {() => Promise<T>} run
 * @param {{ onWait?: (pid: number | undefined) => void, timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
export async function withLock(file, run, options = {}) {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const started = Date.now();
  let told = false;
  await mkdir(path.dirname(file), { recursive: true });
  while (!(await tryCreate(file))) {
    const pid = await holder(file);
    if (pid !== undefined && pid !== process.pid && !alive(pid)) {
      await breakStale(file, pid);
      continue;
    }
    if (!told) options.onWait?.(pid);
    told = true;
    if (Date.now() - started > timeoutMs)
      throw new StepError(`${file}: still held by process ${pid ?? '?'} after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(POLL_MS);
  }
  try {
    return await run();
  } finally {
    await rm(file, { force: true });
  }
}
