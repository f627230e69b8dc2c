// @ts-check
// Pipeline step: the @macha/api-mock package in <scratch>/dist/mock-package/. esbuild bundles the
// mock (mock/src), its dependencies (Ajv, ajv-formats) and the bundled spec into one ESM file, so
// the package has no dependencies at all: installing @macha/api-client never pulls any of the
// mock's, and installing the mock pulls nothing. A `macha-mock` bin calls its `main`.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { StepError } from './steps.mjs';

/** The package's name. */
export const MOCK_PACKAGE_NAME = '@macha/api-mock';

/**
 * Builds the mock package from root's mock/ and the bundle into <scratch>/dist/mock-package/.
 * @param {{ root: string, bundle: Record<string, any>, scratch: string }} options
 */
export async function buildMockPackage({ root, bundle, scratch }) {
  const out = path.join(scratch, 'dist', 'mock-package');
  const source = path.join(root, 'mock', 'package');
  await mkdir(path.join(out, 'bin'), { recursive: true });
  const bundleText = JSON.stringify(bundle);
  try {
    await build({
      entryPoints: [path.join(source, 'entry.mjs')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      minify: false,
      legalComments: 'eof',
      logLevel: 'silent',
      // Ajv and ajv-formats are CommonJS: give the bundle a `require` for their node: imports.
      banner: {
        js: [
          "import { createRequire as __createRequire } from 'node:module';",
          'const require = __createRequire(import.meta.url);',
        ].join('\n'),
      },
      plugins: [
        {
          name: 'macha-bundle',
          setup(plugin) {
            plugin.onResolve({ filter: /^macha:bundle$/ }, () => ({ path: 'bundle', namespace: 'macha' }));
            // JSON.parse of one string loads faster than the same data as an object literal.
            plugin.onLoad({ filter: /.*/, namespace: 'macha' }, () => ({
              contents: `export default JSON.parse(${JSON.stringify(bundleText)});`,
              loader: 'js',
            }));
          },
        },
      ],
    });
  } catch (error) {
    const first = /** @type {any} */ (error).errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
    throw new StepError(`mock package: ${where}${first?.text ?? /** @type {Error} */ (error).message}`);
  }
  await writeFile(
    path.join(out, 'bin', 'macha-mock.js'),
    "#!/usr/bin/env node\nimport { main } from '../index.js';\n\nawait main(process.argv.slice(2));\n",
    { mode: 0o755 },
  );
  await copyFile(path.join(source, 'index.d.ts'), path.join(out, 'index.d.ts'));
  await copyFile(path.join(source, 'README.md'), path.join(out, 'README.md'));
  const manifest = {
    name: MOCK_PACKAGE_NAME,
    version: String(bundle.info?.version ?? '0.0.0'),
    description: 'A local, stateful mock of the Macha API v1, checked against its OpenAPI spec',
    type: 'module',
    exports: { '.': { types: './index.d.ts', default: './index.js' }, './package.json': './package.json' },
    types: './index.d.ts',
    bin: { 'macha-mock': 'bin/macha-mock.js' },
    files: ['index.js', 'index.d.ts', 'bin', 'README.md'],
    engines: { node: '>=20.19.0' },
    license: 'MIT',
    sideEffects: false,
  };
  await writeFile(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return `${MOCK_PACKAGE_NAME} ${manifest.version} in dist/mock-package`;
}
