// @ts-check
// `npm run check:breaking`: the current spec against the latest release in releases/, one line per
// difference, exit 1 on a breaking change unless info.version starts a new major version.
import { breakingGate } from './lib/breaking/gate.mjs';
import { runCommand } from './lib/steps.mjs';

await runCommand('check:breaking', async () => {
  await breakingGate(process.stdout);
});
