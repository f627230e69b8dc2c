// The Prism launcher fails clearly: when Prism exits before answering, the error says why and
// carries Prism's own output, and the process is gone. One case only: every Prism start costs
// about two seconds of CPU, and a crash on any other cause takes the same path.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { launchPrism } from '../support/prism.js';

const isGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('launchPrism', () => {
  test('a port already in use is reported as such, with Prism output', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      const prism = await launchPrism(['mock', 'generated/openapi.yaml'], { port });
      await expect(prism.ready).rejects.toThrow(new RegExp(`exited with code 1 before answering \\(port already in use\\)[^]*EADDRINUSE[^]*${port}`));
      expect(isGone(prism.pid)).toBe(true);
    } finally {
      blocker.close();
    }
  });
});
