// @ts-check
// The breaking-change gate of `npm run check:breaking` (and CI; `npm run lint` does not run it): the
// current spec against the latest release, every difference printed, and a failure for breaking
// ones unless info.version starts a new major version.
import semver from 'semver';
import { bundleCurrentSpec, listReleases, readRelease, SPEC_ROOT, versionOf } from '../releases.mjs';
import { StepError } from '../steps.mjs';
import { diffBundles } from './diff.mjs';
import { formatFinding } from './report.mjs';
import { isBreaking } from './rules.mjs';

/**
 * Runs the gate on the project in root (default: the current directory), writing one line per
 * difference (breaking ones first) and a summary to `out`; throws a StepError when a breaking
 * change is not allowed. `current` is the spec's bundle when the caller already has it.
 * @param {{ write(text: string): unknown }} out
 * @param {{ root?: string, current?: Record<string, any> }} [options]
 * @returns {Promise<import('./rules.mjs').Finding[]>} every difference found
 */
export async function breakingGate(out, options = {}) {
  const root = options.root ?? process.cwd();
  const releases = await listReleases(root);
  const latest = releases.at(-1);
  if (!latest) {
    out.write('no release in releases/ yet, nothing to compare (cut one with `npm run release -- 1.0.0`)\n');
    return [];
  }
  const [released, current] = await Promise.all([
    readRelease(latest, root),
    options.current ?? bundleCurrentSpec(root),
  ]);
  const version = versionOf(current, SPEC_ROOT);
  if (semver.lt(version, latest.version)) {
    throw new StepError(
      `${SPEC_ROOT}: info.version ${version} is lower than the latest release ${latest.version} (${latest.file})`,
    );
  }
  const findings = diffBundles(released, current);
  const breaking = findings.filter(isBreaking);
  const sorted = [...breaking, ...findings.filter((finding) => !isBreaking(finding))];
  for (const finding of sorted) out.write(`${formatFinding(finding)}\n`);
  const against = `the spec (${version}) against release ${latest.version}`;
  if (breaking.length === 0) {
    out.write(`${against}: no breaking change, ${findings.length} other change${findings.length === 1 ? '' : 's'}\n`);
    return findings;
  }
  const nextMajor = `${semver.major(latest.version) + 1}.0.0`;
  if (semver.major(version) > semver.major(latest.version)) {
    out.write(
      `${against}: ${breaking.length} breaking change(s), allowed because ${version} starts a new major version\n`,
    );
    return findings;
  }
  throw new StepError(
    `${against}: ${breaking.length} breaking change(s), listed above as "breaking:". ` +
      `v${semver.major(latest.version)} is never broken in place: undo them, or make them in a new major version ` +
      `(info.version ${nextMajor} in ${SPEC_ROOT}, then \`npm run release -- ${nextMajor}\`).`,
  );
}
