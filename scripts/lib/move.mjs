// @ts-check
// Moves a run's outputs from its scratch folder into place as one transaction, so that a kill at
// any moment leaves generated/ and dist/ either entirely as they were or entirely new (after the
// next run's recovery). Each output (a file of generated/, a folder of dist/) is swapped by
// rename, which replaces a path whole, never half a file:
//   1. the journal (dist/.generate-journal.json) lists every move, state "moving";
//   2. each old output is renamed aside (beside itself, so a read-only folder moves too), then
//      the new one renamed in;
//   3. the journal says "done"; the old outputs and the scratch folder are removed; the journal too.
// A journal found at the start of the next run means a run was interrupted: "moving" is rolled
// back (new outputs removed, old ones renamed back), "done" is finished (the leftovers removed).
// Both are idempotent, so a kill during recovery is recovered by the run after.
// MACHA_GENERATE_FAULT=<point> kills the process at that point, for the tests (see FAULT_POINTS).
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The journal of the move in progress, relative to the project. */
export const JOURNAL = path.join('dist', '.generate-journal.json');

/**
 * @typedef {object} Move one output swapped into place (paths relative to the project)
 * @property {string} from the new output, in the scratch folder
 * @property {string} to where it goes
 * @property {string} aside where the old output waits until the move is done
 * @property {boolean} hadOld whether there was an old output at `to`
 */

/** @typedef {{ state: 'moving' | 'done', scratch: string, moves: Move[] }} Journal */

/**
 * The fault-injection points of a move of n outputs, in the order they are passed.
 * @param {number} n
 */
export function faultPoints(n) {
  const each = Array.from({ length: n }, (_, index) => [`aside-${index}`, `in-${index}`]).flat();
  return ['journal', ...each, 'done', 'cleanup'];
}

/**
 * Kills the process at `point` when MACHA_GENERATE_FAULT names it (SIGKILL: nothing runs after).
 * @param {string} point
 */
function fault(point) {
  if (process.env.MACHA_GENERATE_FAULT === point) process.kill(process.pid, 'SIGKILL');
}

/**
 * Writes the journal whole: aside, then renamed over the old one.
 * @param {string} root
 * @param {Journal} journal
 */
async function writeJournal(root, journal) {
  const file = path.join(root, JOURNAL);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(journal, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/**
 * Whether a path exists (a broken link counts).
 * @param {string} file
 */
async function exists(file) {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/**
 * Removes a file or folder, making read-only folders writable first (a folder a user made
 * read-only is still ours to replace).
 * @param {string} target
 */
async function remove(target) {
  try {
    await rm(target, { recursive: true, force: true });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EACCES') throw error;
    await makeWritable(target);
    await rm(target, { recursive: true, force: true });
  }
}

/** @param {string} target */
async function makeWritable(target) {
  const info = await stat(target).catch(() => undefined);
  if (!info?.isDirectory()) return;
  await chmod(target, 0o755);
  for (const entry of await readdir(target)) await makeWritable(path.join(target, entry));
}

/**
 * The outputs of a scratch folder: each file under scratch/generated/ and scratch/docs/ (the
 * generated decisions table beside the hand-written maintainer docs) and each folder under
 * scratch/dist/ (relative to the scratch folder), in that order.
 * @param {string} scratch
 */
export async function scratchOutputs(scratch) {
  const outputs = [];
  for (const top of ['generated', 'docs', 'dist']) {
    const entries = await readdir(path.join(scratch, top)).catch(() => []);
    for (const entry of entries.sort()) outputs.push(path.join(top, entry));
  }
  return outputs;
}

/**
 * Moves every output of `scratch` into root as one transaction (see the top of this file); on a
 * failure it rolls back before rethrowing, so the outputs are as they were.
 * @param {string} root
 * @param {string} scratch absolute, inside root
 * @param {string[]} outputs relative to scratch (scratchOutputs)
 */
export async function moveIntoPlace(root, scratch, outputs) {
  const id = `${process.pid}`;
  /** @type {Journal} */
  const journal = {
    state: 'moving',
    scratch: path.relative(root, scratch),
    moves: await Promise.all(
      outputs.map(async (output) => ({
        from: path.join(path.relative(root, scratch), output),
        to: output,
        aside: path.join(path.dirname(output), `.${path.basename(output)}.old-${id}`),
        hadOld: await exists(path.join(root, output)),
      })),
    ),
  };
  await writeJournal(root, journal);
  fault('journal');
  try {
    for (const [index, move] of journal.moves.entries()) {
      await mkdir(path.dirname(path.join(root, move.to)), { recursive: true });
      if (move.hadOld) await rename(path.join(root, move.to), path.join(root, move.aside));
      fault(`aside-${index}`);
      await rename(path.join(root, move.from), path.join(root, move.to));
      fault(`in-${index}`);
    }
  } catch (error) {
    await rollBack(root, journal);
    throw error;
  }
  await writeJournal(root, { ...journal, state: 'done' });
  fault('done');
  await finish(root, journal);
}

/**
 * Puts every old output back and removes the new ones, then the journal.
 * @param {string} root
 * @param {Journal} journal
 */
async function rollBack(root, journal) {
  for (const move of [...journal.moves].reverse()) {
    const to = path.join(root, move.to);
    const aside = path.join(root, move.aside);
    if (move.hadOld) {
      // No old output aside: it was never moved, so `to` still holds it.
      if (!(await exists(aside))) continue;
      await remove(to);
      await rename(aside, to);
    } else if (!(await exists(path.join(root, move.from)))) {
      // The new output was moved in (it is no longer in the scratch folder): take it out.
      await remove(to);
    }
  }
  await remove(path.join(root, journal.scratch));
  await rm(path.join(root, JOURNAL), { force: true });
}

/**
 * Removes what a finished move leaves: the old outputs, the scratch folder, the journal.
 * @param {string} root
 * @param {Journal} journal
 */
async function finish(root, journal) {
  for (const move of journal.moves) await remove(path.join(root, move.aside));
  fault('cleanup');
  await remove(path.join(root, journal.scratch));
  await rm(path.join(root, JOURNAL), { force: true });
}

/**
 * Completes or rolls back a move a killed run left (its journal in root/dist/); resolves with a
 * one-line message saying which, or undefined when there was none.
 * @param {string} root
 * @returns {Promise<string | undefined>}
 */
export async function recoverMove(root) {
  const text = await readFile(path.join(root, JOURNAL), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  /** @type {Journal} */
  let journal;
  try {
    journal = JSON.parse(text);
  } catch {
    // Written aside and renamed: a torn journal cannot happen; an edited one is not ours to trust.
    return `${JOURNAL}: not a journal this pipeline wrote; remove it and run again`;
  }
  if (journal.state === 'done') {
    await finish(root, journal);
    return `${JOURNAL}: an interrupted run had moved all its outputs in; finished its clean-up`;
  }
  await rollBack(root, journal);
  return `${JOURNAL}: an interrupted run had moved part of its outputs; rolled back to the previous outputs`;
}
