// The entry of @macha/api-mock: the mock with the bundle it was built from (the build injects it
// as the `macha:bundle` module), response validation on unless turned off.
import bundle from 'macha:bundle';
import { main as runCli } from '../src/cli.mjs';
import { startMockServer as start } from '../src/server.mjs';

export { manualClock } from '../src/clock.mjs';
export { README_CONNECTOR_ID } from '../src/world.mjs';

/** Starts the mock on the packaged spec; see index.d.ts. @param {Record<string, any>} [options] */
export function startMockServer(options = {}) {
  return start({ validate: true, ...options, bundle });
}

/** The `macha-mock` command line. @param {string[]} args */
export function main(args) {
  return runCli(args, bundle);
}
