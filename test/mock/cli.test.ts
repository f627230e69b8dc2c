// `npm run mock` as a user meets it: the lines to paste, one log line per request, a clean stop on
// Ctrl-C (SIGINT), and one-line errors for a port in use and a bad --data file.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { createFaultPlan, type FaultKind } from '../../mock/src/faults.mjs';
import { ROOT } from '../support/spec-copy.js';

const SCRIPT = path.join(ROOT, 'scripts', 'mock.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'macha-mock-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `node scripts/mock.mjs <args>`; resolves once it printed the export lines. */
async function startCli(args: string[]) {
  const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  // The banner's last line: each line is a write of its own, so an earlier one can arrive alone.
  while (!/^Ctrl-C stops it\.$/m.test(output)) {
    await Promise.race([once(child.stdout, 'data'), exited]);
    if (child.exitCode !== null) throw new Error(`mock exited early:\n${output}`);
  }
  return { child, output: () => output, exited };
}

/** Runs the CLI to its end (it must fail fast); resolves with its exit code and output. */
async function runCli(args: string[]) {
  return promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

describe('npm run mock', () => {
  test('prints pasteable exports, answers with those keys, logs each request, stops on Ctrl-C', async () => {
    const { child, output, exited } = await startCli(['--port', '0', '--seed', '3', '--validate']);
    const baseUrl = /^export MACHA_BASE_URL=(http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/m.exec(output())?.[1];
    const fullKey = /^export MACHA_API_KEY=(mka_live_[A-Za-z0-9]{32})\b/m.exec(output())?.[1];
    const readKey = /^# read-only key: (mka_live_[A-Za-z0-9]{32})$/m.exec(output())?.[1];
    expect([baseUrl, fullKey, readKey]).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    const list = await fetch(`${baseUrl}/connectors?limit=2`, { headers: { authorization: `Bearer ${fullKey}` } });
    const refused = await fetch(`${baseUrl}/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${readKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect([list.status, refused.status]).toEqual([200, 403]);
    const requestId = list.headers.get('x-request-id');
    while (!output().includes(String(refused.headers.get('x-request-id')))) await once(child.stdout!, 'data');
    expect(output()).toMatch(new RegExp(`^GET /api/v1/connectors\\?limit=2 200 \\d+ms ${requestId}$`, 'm'));
    expect(output()).not.toContain('spec violation');
    // "done" comes when it stops, not while it serves.
    expect(output()).not.toContain('mock: done');
    const closed = once(child, 'close');
    child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
    await closed;
    expect(output()).toMatch(/^mock: done in \d+ ms$/m);
  });

  test('--faults 1 injects the faults its --seed plans, at most two in a row; --faults 2 is refused', async () => {
    const { child, output, exited } = await startCli(['--port', '0', '--seed', '4', '--faults', '1']);
    const baseUrl = /^export MACHA_BASE_URL=(\S+)$/m.exec(output())?.[1];
    const key = /^export MACHA_API_KEY=(\S+)/m.exec(output())?.[1];
    /** What a user's fetch of one connector page sees. */
    const outcome = async () => {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/connectors?limit=1`, { headers: { authorization: `Bearer ${key}` } });
      } catch {
        return 'no answer';
      }
      try {
        await response.text();
        return response.headers.get('content-type') === 'text/html' ? `${response.status} html` : `${response.status}`;
      } catch {
        return `${response.status} cut short`;
      }
    };
    const seen: string[] = [];
    for (let i = 0; i < 9; i += 1) seen.push(await outcome());
    child.kill('SIGINT');
    await exited;
    // The plan the CLI builds for --seed 4 --faults 1, drawn the same way, and what each fault looks like.
    const plan = createFaultPlan({ seed: 4, rate: 1 });
    const looks: Record<FaultKind, string> = {
      rate_limited: '429',
      unavailable: '503',
      not_json: '502 html',
      drop: 'no answer',
      slow: '200',
      truncated: '200 cut short',
    };
    const planned = seen.map(() => plan.next('GET', '/connectors'));
    expect(planned.map((kind) => kind !== undefined)).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(seen).toEqual(planned.map((kind) => (kind ? looks[kind] : '200')));
    expect(new Set(seen).size).toBeGreaterThan(2);
    const refused = await runCli(['--faults', '2']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('mock: --faults 2: expected a number from 0 to 1');
  });

  test('the same seed prints the same keys on every start', async () => {
    const first = await startCli(['--port', '0', '--seed', '5']);
    const second = await startCli(['--port', '0', '--seed', '5']);
    const keysOf = (text: string) => text.match(/mka_live_[A-Za-z0-9]{32}/g);
    expect(keysOf(first.output())).toEqual(keysOf(second.output()));
    // Ctrl-C right after the banner: the mock stops and exits 0 (it listens before printing).
    for (const { child, exited } of [first, second]) {
      child.kill('SIGINT');
      expect((await exited)[0]).toBe(0);
    }
  });

  test('a port in use is refused in one line', async () => {
    const holder = await startCli(['--port', '0']);
    const port = /127\.0\.0\.1:(\d+)/.exec(holder.output())?.[1];
    const { code, output } = await runCli(['--port', String(port)]);
    holder.child.kill('SIGINT');
    await holder.exited;
    expect(code).toBe(1);
    expect(output).toContain(`mock: port ${port} on 127.0.0.1 is already in use: pick another with --port`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test('a --data file that breaks the spec is refused with the file, the JSON pointer and the problem', async () => {
    const file = path.join(dir, 'world.json');
    writeFileSync(
      file,
      JSON.stringify({ orgs: { org_a: { connectors: [{ id: 'connector_64f1c0ef2ec711ef6dc1dcf0' }] } } }),
    );
    const { code, output } = await runCli(['--data', file]);
    expect(code).toBe(1);
    expect(output).toContain(`mock: ${file}: /orgs/org_a/connectors/0/type is required`);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
