// @ts-check
// `npm run release -- <version> [--recut]`: cuts a release of the contract. Sets info.version and
// the package version, regenerates, stores generated/openapi.json as releases/<version>.json and
// prepends a CHANGELOG.md entry generated from the diff to the previous release. Refuses a version
// that is not above the latest release, and a breaking change without a major version. `--recut`
// replaces the latest release (for a release not yet published, e.g. after more changes landed).
// Any failure puts every file it touched back as it was.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import semver from 'semver';
import { changelogEntry, prependEntry, removeEntry } from './lib/breaking/changelog.mjs';
import { diffBundles } from './lib/breaking/diff.mjs';
import { formatFinding } from './lib/breaking/report.mjs';
import { isBreaking } from './lib/breaking/rules.mjs';
import {
  bundleCurrentSpec,
  GENERATED_FILES,
  listReleases,
  readRelease,
  RELEASES_DIR,
  setPackageVersion,
  setSpecVersion,
  SPEC_ROOT,
  versionOf,
} from './lib/releases.mjs';
import { isMain, runScript } from './lib/cli.mjs';
import { log, step, StepError } from './lib/steps.mjs';

const CHANGELOG = 'CHANGELOG.md';
const USAGE = 'usage: npm run release -- <version> [--recut]   (e.g. npm run release -- 1.1.0)';

/**
 * Reads a file, or null when it does not exist.
 * @param {string} file absolute
 */
async function readIfExists(file) {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Checks the requested version against the releases and the spec, and returns the release it
 * follows (null for the first one).
 * @param {string} version
 * @param {boolean} recut
 * @param {string} root
 */
async function previousRelease(version, recut, root) {
  if (semver.valid(version) !== version)
    throw new StepError(`"${version}" is not a version: expected MAJOR.MINOR.PATCH such as 1.1.0\n${USAGE}`);
  const releases = await listReleases(root);
  const latest = releases.at(-1);
  if (recut) {
    if (latest?.version !== version) {
      throw new StepError(
        `--recut replaces the latest release, which is ${latest?.version ?? 'none (there is no release yet)'}, ` +
          `not ${version}`,
      );
    }
    return releases.at(-2) ?? null;
  }
  if (latest && !semver.gt(version, latest.version)) {
    throw new StepError(
      `${version} is not greater than the latest release ${latest.version} (${latest.file}). ` +
        `Pick a higher version, or replace ${latest.version} with \`npm run release -- ${latest.version} --recut\`.`,
    );
  }
  return latest ?? null;
}

/**
 * Cuts release `version` of the spec of the project in root (default: the current directory).
 * @param {string} version
 * @param {{ recut?: boolean, root?: string }} [options]
 */
export async function release(version, options = {}) {
  const recut = options.recut === true;
  const root = path.resolve(options.root ?? process.cwd());
  /** @param {string} file relative to root */
  const at = (file) => path.join(root, file);
  const previous = await previousRelease(version, recut, root);
  const current = await step('bundle the spec', () => bundleCurrentSpec(root));
  const specVersion = versionOf(current, SPEC_ROOT);
  if (semver.gt(specVersion, version)) {
    throw new StepError(
      `${SPEC_ROOT}: info.version is already ${specVersion}, above ${version}; ` +
        `release ${specVersion} or a later version`,
    );
  }
  const before = previous ? await readRelease(previous, root) : { openapi: current.openapi, paths: {} };
  const breaking = diffBundles(before, current).filter(isBreaking);
  if (previous && breaking.length > 0 && semver.major(version) <= semver.major(previous.version)) {
    const major = `${semver.major(previous.version) + 1}.0.0`;
    throw new StepError(
      `${breaking.map(formatFinding).join('\n')}\n` +
        `${version} would break v${semver.major(previous.version)} clients ` +
        `with the ${breaking.length} change(s) above: ` +
        `undo them, or release them as ${major}, a new major version.`,
    );
  }

  const releaseFile = path.join(RELEASES_DIR, `${version}.json`);
  const generated = GENERATED_FILES.map((name) => path.join('generated', name));
  const touched = [SPEC_ROOT, 'package.json', 'package-lock.json', CHANGELOG, releaseFile, ...generated];
  const saved = new Map(
    await Promise.all(touched.map(async (file) => /** @type {const} */ ([file, await readIfExists(at(file))]))),
  );
  try {
    await step(`set version ${version}`, async () => {
      await setSpecVersion(version, at(SPEC_ROOT));
      await setPackageVersion(version, root);
      if (recut) await rm(at(releaseFile));
    });
    // Loaded here, not at the top: it brings in the whole pipeline, which a refused release never needs.
    const { generate } = await import('./generate.mjs');
    await generate({ root });
    await step(`store ${releaseFile}`, async () => {
      await mkdir(at(RELEASES_DIR), { recursive: true });
      await copyFile(at(path.join('generated', 'openapi.json')), at(releaseFile));
    });
    await step(`prepend ${CHANGELOG}`, async () => {
      const released = JSON.parse(await readFile(at(releaseFile), 'utf8'));
      const entry = changelogEntry({
        version,
        date: new Date().toISOString().slice(0, 10),
        previous: previous?.version ?? null,
        findings: diffBundles(before, released),
      });
      const changelog = saved.get(CHANGELOG) ?? null;
      await writeFile(
        at(CHANGELOG),
        prependEntry(changelog && recut ? removeEntry(changelog, version) : changelog, entry),
      );
    });
  } catch (error) {
    for (const [file, text] of saved) {
      if (text === null) await rm(at(file), { force: true });
      else await writeFile(at(file), text);
    }
    throw error;
  }
  log(
    `\nreleased ${version}${previous ? ` (after ${previous.version})` : ''}: ` +
      `${releaseFile}, ${CHANGELOG}, info.version and package version.\n` +
      `Commit it: git add ${RELEASES_DIR} ${CHANGELOG} spec generated package.json package-lock.json ` +
      `&& git commit -m "Release ${version}"\n`,
  );
}

/** `npm run release -- <version> [--recut]` on the project in root. */
export const cli = {
  title: 'release',
  /**
   * @param {string[]} args
   * @param {string} root
   */
  async run(args, root) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { recut: { type: 'boolean' } } });
    } catch (error) {
      throw new StepError(`${/** @type {Error} */ (error).message}\n${USAGE}`);
    }
    const [version, ...extra] = parsed.positionals;
    if (!version || extra.length > 0) throw new StepError(USAGE);
    await release(version, { recut: parsed.values.recut === true, root });
  },
};

if (isMain(import.meta.url)) await runScript(cli);
