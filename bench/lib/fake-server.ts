// `node <this file, bundled> <connectors>`: the stateful fake of test/fake holding that many
// connectors in one org, without rate limits; prints `listening <baseUrl> <API key>` once it
// answers. lib/list-all.mjs bundles it with esbuild (the bench runs no TypeScript loader).
import { startWorld, UNLIMITED } from '../../test/fake/world.js';

const world = await startWorld({ connectors: Number(process.argv[2]), windows: UNLIMITED });
process.stdout.write(`listening ${world.fake.baseUrl} ${world.keys.full.token}\n`);
