// @ts-check
// The wiring between a script's command and where it runs: as `npm run <script>` (the current
// directory, exit code, output on stderr), or inside another process on any project folder with
// its output captured (the tests). Both go through runTitled, so they print and decide the
// outcome the same way.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { runCommand, runTitled, withLog } from './steps.mjs';

/** @typedef {{ title: string, run(args: string[], root: string): Promise<unknown> }} Cli a script's command */

/**
 * Whether the module at `url` is the script node was started with.
 * @param {string} url import.meta.url
 */
export function isMain(url) {
  return process.argv[1] === fileURLToPath(url);
}

/**
 * Resolves at the first Ctrl-C (SIGINT) or SIGTERM; from the call on, neither kills the process.
 * A long-running script calls it before printing that Ctrl-C stops it.
 * @returns {Promise<void>}
 */
export function interrupted() {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Runs a command on the current directory with the process's arguments, as the script does.
 * @param {Cli} cli
 */
export async function runScript(cli) {
  // Node >= 22.1's public compile cache, for the modules the steps load later (TypeScript's 9 MB
  // above all: most of a run's CPU is compiling it). Node 20 has none: the call is skipped.
  /** @type {{ enableCompileCache?: () => unknown }} */ (module).enableCompileCache?.();
  await runCommand(cli.title, () => cli.run(process.argv.slice(2), process.cwd()));
}

/**
 * Runs a command on root in this process; resolves with what running the script there would
 * give: its exit status and everything it printed.
 * @param {Cli} cli
 * @param {string[]} args
 * @param {string} root
 * @returns {Promise<{ status: number, output: string }>}
 */
export async function runInProcess(cli, args, root) {
  let output = '';
  const status = await withLog({ write: (text) => (output += text) }, () =>
    runTitled(cli.title, () => cli.run(args, root)),
  );
  return { status, output };
}
