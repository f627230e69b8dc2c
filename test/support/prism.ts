// Runs the pinned Prism CLI (mock or proxy) as one child process on a free port of 127.0.0.1:
// readiness is Prism's own "listening" line followed by an answer on the port, and stop() ends
// that process and nothing else.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ROOT } from './spec-copy.js';

const PRISM_CLI = path.join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');
// Generous: on the shared 2-core machine, with every test file starting at once, Prism has taken
// over 30 s to print its first line; a slow start is not what these tests are about.
const READY_TIMEOUT_MS = 120_000;
const POLL_MS = 25;

/** A Prism process started by launchPrism. */
export interface PrismProcess {
  baseUrl: string;
  /** Resolves once Prism answers on its port; rejects with Prism's output if it exits or never answers. */
  ready: Promise<void>;
  /** Ends this Prism process (SIGTERM, then SIGKILL) and resolves when it has exited. */
  stop(): Promise<void>;
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('could not read the port the OS picked');
  return address.port;
}

/**
 * Spawns `prism <args> -p <port> --host 127.0.0.1` from the project root (a free port unless one
 * is given), without waiting for it to be ready (see `ready`). `args` is the command and its
 * positionals: `['mock', 'generated/openapi.yaml']` or `['proxy', 'generated/openapi.yaml', url]`.
 */
export async function launchPrism(args: string[], options: { port?: number } = {}): Promise<PrismProcess> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  // One V8 helper thread, as the pipeline's scripts and the test workers: Prism starts while the
  // tests run, on the same two cores.
  const child = spawn(
    process.execPath,
    ['--v8-pool-size=1', PRISM_CLI, ...args, '-p', String(port), '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  let stopping = false;
  const describe = (what: string) =>
    `Prism (${args[0]}, pid ${child.pid}, port ${port}) ${what}. Its output:\n${output.trim() || '(nothing)'}`;

  const ready = (async () => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exitCode: number | null | undefined;
    void exited.then((code) => (exitCode = code));
    // Prism prints this line once it has bound the port; only then can an answer on the port be
    // trusted to come from Prism and not from whatever else might hold that port.
    const listening = `Prism is listening on ${baseUrl}`;
    while (Date.now() < deadline) {
      if (exitCode !== undefined)
        throw new Error(
          describe(
            `exited with code ${exitCode} before answering${/EADDRINUSE/.test(output) ? ' (port already in use)' : ''}`,
          ),
        );
      if (!stopping && output.includes(listening) && (await answers(baseUrl))) return;
      await delay(POLL_MS);
    }
    throw new Error(describe(`did not answer within ${READY_TIMEOUT_MS} ms`));
  })();
  // The caller may never await `ready` (a test run that stops early); do not let it go unhandled.
  ready.catch(() => undefined);

  return {
    baseUrl,
    ready,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Whether an HTTP server answers on baseUrl (any status counts). */
async function answers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(baseUrl, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
