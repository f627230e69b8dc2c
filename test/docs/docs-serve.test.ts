// `npm run docs:serve` on a copy of the project: it serves the page, llms.txt and llms-full.txt,
// and an edit under spec/ is served once rebuilt, from a new snapshot (the previous one deleted).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docsServe } from '../../scripts/docs-serve.mjs';
import { failureText } from '../../scripts/lib/steps.mjs';
import { copySpec, ROOT, type SpecCopy } from '../support/spec-copy.js';

/** The end of one build of docs:serve: its generation and, if it failed, why. */
interface Build {
  generation: number;
  error?: unknown;
}

describe('docs:serve', () => {
  let copy: SpecCopy;
  let served: { url: string; close: () => Promise<void> };
  const builds: Build[] = [];
  let heard: (() => void) | undefined;

  /** Resolves with the build of `generation` once it has ended (the watcher's rebuild, or the first). */
  async function build(generation: number): Promise<Build> {
    for (;;) {
      const found = builds.find((b) => b.generation === generation);
      if (found) return found;
      await new Promise<void>((resolve) => {
        heard = resolve;
      });
    }
  }

  beforeAll(async () => {
    copy = copySpec();
    // The lint checks the spec's decisions against docs/decisions.yaml, a spec input that older
    // copies of test/support/spec-copy.ts leave out; the same bytes when it is already there.
    mkdirSync(path.join(copy.dir, 'docs'), { recursive: true });
    copy.write('docs/decisions.yaml', readFileSync(path.join(ROOT, 'docs/decisions.yaml'), 'utf8'));
    served = await docsServe(copy.dir, {
      port: 0,
      onBuild: (generation, error) => {
        builds.push({ generation, error });
        heard?.();
      },
    });
    const first = await build(0);
    // A failed first build is served as an empty folder: say why instead of a 404 later.
    expect(first.error && failureText(first.error), 'the first build').toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    copy?.remove();
  });

  test('serves the page and both llms files', async () => {
    const page = await fetch(served.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="llms-full.txt"');
    expect(await (await fetch(`${served.url}llms.txt`)).text()).toMatch(/^# Macha API\n/);
    expect(await (await fetch(`${served.url}llms-full.txt`)).text()).toContain('### GET /connectors: ');
  });

  test('an edit under spec/ is served from a new snapshot once rebuilt', async () => {
    copy.edit('spec/tags/Agents.md', 'An agent answers', 'An agent (edited) answers');
    // The watcher rebuilds once the save settles; a failed rebuild is reported, not waited on.
    const rebuilt = await build(1);
    expect(rebuilt.error && failureText(rebuilt.error), 'the rebuild').toBeUndefined();
    expect(await (await fetch(`${served.url}llms-full.txt`)).text()).toContain('An agent (edited) answers');
    // The previous snapshot is deleted as part of the swap.
    const snapshots = readdirSync(path.join(copy.dir, 'dist', '.docs-serve'));
    expect(snapshots).toEqual(['1']);
    expect(existsSync(path.join(copy.dir, 'dist', '.docs-serve', '1', 'dist', 'docs', 'index.html'))).toBe(true);
  }, 120_000);

  test('run as `npm run docs:serve`, it says done when Ctrl-C stops it, not while it serves', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'docs-serve.mjs'), '--port', '0'], {
      cwd: copy.dir,
    });
    let output = '';
    let heardMore = () => {};
    const collect = (chunk: Buffer) => {
      output += chunk;
      heardMore();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const closed = once(child, 'close');
    while (!/^Docs at http:\/\/127\.0\.0\.1:\d+\//m.test(output)) {
      await Promise.race([new Promise<void>((resolve) => (heardMore = resolve)), closed]);
      if (child.exitCode !== null) throw new Error(`docs:serve exited:\n${output}`);
    }
    expect(output).not.toContain('docs:serve: done');
    child.kill('SIGINT');
    const [code] = await closed;
    expect(code, output).toBe(0);
    expect(output).toMatch(/^docs:serve: done in \d+ ms$/m);
  }, 120_000);

  test.each([
    ['a port in use', () => new URL(served.url).port, /cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\); pick another/],
    ['a port that is not a number', () => 'abc', /--port must be an integer from 0 to 65535, got "abc"/],
  ])(
    '%s is one line saying so, with no stack trace',
    async (_case, port, message) => {
      const run = await copy.runInProcess('docs-serve.mjs', ['--port', port()]);
      expect(run.status).toBe(1);
      expect(run.output).toMatch(message);
      expect(run.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    },
    120_000,
  );
});
