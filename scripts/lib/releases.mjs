// @ts-check
// The released contracts in releases/<version>.json, the bundle of the spec as it is now (which
// may be ahead of generated/), and the one-line edit that sets info.version in spec/openapi.yaml.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { parseDocument } from 'yaml';
import { loadBundle } from './openapi.mjs';
import { problemsReport } from './redocly.mjs';
import { StepError } from './steps.mjs';

/** Where released bundles are kept, relative to the project. */
export const RELEASES_DIR = 'releases';

/** The root of the spec, whose info.version a release sets. */
export const SPEC_ROOT = path.join('spec', 'openapi.yaml');

/** Every file generate writes into generated/ (a release regenerates them, and puts them back when it fails). */
export const GENERATED_FILES = ['openapi.yaml', 'openapi.json', 'schema.ts', 'operations.ts'];

/** @typedef {{ version: string, file: string }} Release */

/**
 * The releases in root/releases/, oldest first, each `file` relative to root. Every JSON file
 * there must be named <semver>.json.
 * @param {string} [root] the project folder
 * @returns {Promise<Release[]>}
 */
export async function listReleases(root = process.cwd()) {
  let names;
  try {
    names = await readdir(path.join(root, RELEASES_DIR));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return [];
    throw error;
  }
  const releases = [];
  for (const name of names.filter((file) => file.endsWith('.json'))) {
    const version = name.slice(0, -'.json'.length);
    if (semver.valid(version) !== version) {
      throw new StepError(
        `${path.join(RELEASES_DIR, name)}: a release file is named <version>.json ` +
          'with a semantic version such as 1.0.0',
      );
    }
    releases.push({ version, file: path.join(RELEASES_DIR, name) });
  }
  return releases.sort((a, b) => semver.compare(a.version, b.version));
}

/**
 * Reads a released bundle.
 * @param {Release} release
 * @param {string} [root] the project folder
 * @returns {Promise<Record<string, any>>}
 */
export async function readRelease(release, root = process.cwd()) {
  try {
    return JSON.parse(await readFile(path.join(root, release.file), 'utf8'));
  } catch (error) {
    throw new StepError(`${release.file}: not a readable JSON bundle (${/** @type {Error} */ (error).message})`);
  }
}

/**
 * Bundles the spec as it is on disk now and returns it parsed: the gate checks the spec being
 * edited, not generated/, which may not be regenerated yet.
 * @param {string} [root] the project folder
 * @returns {Promise<Record<string, any>>}
 */
export async function bundleCurrentSpec(root = process.cwd()) {
  const { bundle, problems } = await loadBundle(root);
  if (problems.length > 0) throw new StepError(problemsReport(problems, root));
  return bundle;
}

/**
 * The info.version of a bundle, checked to be a semantic version.
 * @param {Record<string, any>} bundle
 * @param {string} origin where the bundle comes from, for the message
 */
export function versionOf(bundle, origin) {
  const version = bundle?.info?.version;
  if (typeof version !== 'string' || semver.valid(version) !== version) {
    throw new StepError(`${origin}: info.version ${JSON.stringify(version)} is not a semantic version such as 1.0.0`);
  }
  return version;
}

/**
 * Sets info.version in spec/openapi.yaml by replacing only that scalar's text, so the rest of
 * the file keeps its formatting.
 * @param {string} version
 * @param {string} [file]
 */
export async function setSpecVersion(version, file = SPEC_ROOT) {
  const text = await readFile(file, 'utf8');
  const node = /** @type {any} */ (parseDocument(text).getIn(['info', 'version'], true));
  if (!node?.range) throw new StepError(`${file}: no info.version to set`);
  const [start, end] = node.range;
  await writeFile(file, `${text.slice(0, start)}${version}${text.slice(end)}`);
}

/**
 * Sets the package version in root/package.json and root/package-lock.json (both of its fields),
 * as `npm version <version> --no-git-tag-version` does, without starting npm (most of a release's
 * time). JSON with two-space indent and a final newline, as npm writes it.
 * @param {string} version
 * @param {string} [root]
 */
export async function setPackageVersion(version, root = process.cwd()) {
  for (const file of ['package.json', 'package-lock.json']) {
    let text;
    try {
      text = await readFile(path.join(root, file), 'utf8');
    } catch (error) {
      if (file === 'package-lock.json' && /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') continue;
      throw error;
    }
    const json = JSON.parse(text);
    json.version = version;
    if (json.packages?.['']) json.packages[''].version = version;
    await writeFile(path.join(root, file), `${JSON.stringify(json, null, 2)}\n`);
  }
}
