// Debian's Chromium driven by playwright-core (never a downloaded browser): where it is, whether a
// test may skip without it, and a launcher with a fresh profile and no background traffic.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why a browser test is skipped here, or undefined when it must run (Chromium present, or CI). */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return undefined;
  return `no Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` to run the browser tests`;
}

/** A headless Chromium with a fresh profile, and a function that closes it and deletes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}: .ci/run must \`apt-get install -y chromium\``);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'macha-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
