// `node <this file, bundled> <connectors>`: the stateful mock (mock/, what `npm run mock` runs)
// holding that many connectors in one org, without rate limits; prints `listening <baseUrl> <API key>`
// once it answers. lib/list-all.mjs bundles it with esbuild (the bench runs no TypeScript loader).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../../mock/src/index.mjs';

// list-all.mjs defines import.meta.url as test/support/bundle.ts's, wherever this now runs.
const bundle = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../generated/openapi.json', import.meta.url)), 'utf8'),
);
const mock = await startMockServer({
  bundle,
  size: { connectors: Number(process.argv[2]), perResource: 11 },
  windows: [{ limit: 1_000_000_000, windowMs: 60_000 }],
});
process.stdout.write(`listening ${mock.url} ${mock.keys.full}\n`);
