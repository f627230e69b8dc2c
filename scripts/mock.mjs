// @ts-check
// `npm run mock [-- --port 4010 --seed 1 --data world.json --faults 0.1 --latency 50 --validate]`:
// the stateful Macha mock (mock/) on 127.0.0.1, answering from generated/openapi.json. Prints the
// lines to paste into a shell, then one line per request until Ctrl-C.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMock, UsageError } from '../mock/src/cli.mjs';
import { interrupted, isMain, runScript } from './lib/cli.mjs';
import { StepError } from './lib/steps.mjs';

/**
 * Starts the mock of root's bundle with these CLI arguments; resolves to the running server once it listens.
 * @param {string} root
 * @param {string[]} args
 */
export async function startMock(root, args) {
  const file = path.join(root, 'generated', 'openapi.json');
  let bundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StepError(`${file}: ${/** @type {Error} */ (error).message} (run npm run generate)`);
  }
  try {
    return await runMock(args, { bundle, log: (line) => process.stdout.write(`${line}\n`) });
  } catch (error) {
    if (error instanceof UsageError || /** @type {any} */ (error)?.code?.startsWith?.('ERR_PARSE_ARGS'))
      throw new StepError(`mock: ${/** @type {Error} */ (error).message}`);
    throw error;
  }
}

/** @type {import('./lib/cli.mjs').Cli} */
export const cli = {
  title: 'mock',
  // Resolves once the mock has stopped (Ctrl-C or SIGTERM), so that "mock: done" is printed then,
  // not while it still serves. It listens for Ctrl-C before the mock prints its banner: a Ctrl-C
  // right after "Ctrl-C stops it." must stop the mock, not kill the process.
  async run(args, root) {
    const stopped = interrupted();
    const server = await startMock(root, args);
    await stopped;
    await server.close();
  },
};

if (isMain(import.meta.url)) await runScript(cli);
