// The command line of the mock (`npm run mock`, the package's `macha-mock` bin): options, the
// lines to paste into a shell, one log line per request, a clean stop on Ctrl-C, and one-line
// errors for a port in use or a bad `--data` file.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mockOperations } from './model.mjs';
import { createSchemas } from './schemas.mjs';
import { startMockServer } from './server.mjs';
import { checkWorld } from './world.mjs';

/** The options, for --help. */
export const USAGE = `Options:
  --port <n>        port on 127.0.0.1 (default 4010)
  --seed <n>        seed of the generated world and keys (default 1)
  --data <file>     a world as JSON ({"orgs": {"org_a": {"connectors": [...], ...}}}) instead of the seeded one
  --faults <rate>   inject faults (429, 503, bad gateway, dropped, slow, truncated) into this share of requests, 0-1
  --latency <ms>    delay every answer
  --validate        check every response against the spec and log violations
  --rate-limit <n>  requests per minute per key (default: the documented 1,000/min and 10,000/h); 0 turns limits off`;

/** A user mistake: printed as one line, without a stack. */
export class UsageError extends Error {}

/**
 * Parses argv, starts the mock and prints how to use it; resolves to the running server.
 * @param {string[]} args
 * @param {{ bundle: any, log?: (line: string) => void }} options
 */
export async function runMock(args, { bundle, log = console.log }) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', default: '4010' },
      seed: { type: 'string', default: '1' },
      data: { type: 'string' },
      faults: { type: 'string' },
      latency: { type: 'string', default: '0' },
      validate: { type: 'boolean', default: false },
      'rate-limit': { type: 'string' },
    },
  });
  const number = (/** @type {string} */ name, /** @type {string} */ raw, min = 0, max = Number.MAX_SAFE_INTEGER) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max)
      throw new UsageError(`--${name} ${raw}: expected a number from ${min} to ${max}`);
    return value;
  };
  const port = number('port', values.port, 0, 65_535);
  const seed = number('seed', values.seed);
  const latency = number('latency', values.latency);
  const faults = values.faults === undefined ? undefined : { seed, rate: number('faults', values.faults, 0, 1) };
  const perMinute = values['rate-limit'] === undefined ? undefined : number('rate-limit', values['rate-limit']);
  // 0: limits off (a window nothing reaches), for load tests.
  const windows =
    perMinute === undefined
      ? undefined
      : [{ limit: perMinute === 0 ? Number.MAX_SAFE_INTEGER : perMinute, windowMs: 60_000 }];
  const world = values.data === undefined ? undefined : readWorld(values.data, bundle);
  let server;
  try {
    server = await startMockServer({
      bundle,
      port,
      seed,
      world,
      faults,
      latency,
      windows,
      validate: values.validate,
      log,
    });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`port ${port} on 127.0.0.1 is already in use: pick another with --port`);
    throw error;
  }
  log(`Macha API mock on ${server.url} (seed ${seed}${values.data ? `, world from ${values.data}` : ''})`);
  log(`export MACHA_BASE_URL=${server.url}`);
  log(`export MACHA_API_KEY=${server.keys.full}   # every scope`);
  log(`# read-only key: ${server.keys.readOnly}`);
  log('Ctrl-C stops it.');
  return server;
}

/**
 * A world file, parsed and checked against the spec's schemas; refused in one line naming the
 * file, the pointer and the problem.
 * @param {string} file
 * @param {any} bundle
 */
function readWorld(file, bundle) {
  let world;
  try {
    world = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${/** @type {Error} */ (error).message}`);
  }
  const operations = mockOperations(bundle);
  const problems = checkWorld(operations, createSchemas(bundle), world);
  if (problems.length > 0)
    throw new UsageError(
      `${file}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`,
    );
  return world;
}

/**
 * Runs the CLI until Ctrl-C (or SIGTERM): closes the server and exits 0; a user mistake exits 1 with one line.
 * @param {string[]} args
 * @param {any} bundle
 */
export async function main(args, bundle) {
  // Listening before the banner says "Ctrl-C stops it.": a Ctrl-C right after it must close the
  // server and exit 0, not kill the process.
  /** @type {Awaited<ReturnType<typeof runMock>> | undefined} */
  let server;
  const stop = () => {
    if (server) void server.close().then(() => process.exit(0));
    else process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    server = await runMock(args, { bundle });
  } catch (error) {
    if (error instanceof UsageError || /** @type {any} */ (error)?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`macha-mock: ${/** @type {Error} */ (error).message}`);
      process.exit(1);
    }
    throw error;
  }
}
