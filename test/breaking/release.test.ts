// `npm run release` in a scratch copy of the project: the refusals, a minor release, a re-cut and a
// major release with breaking changes, each checked in the files a person would look at. The
// release command runs in this process (the usage error runs the script itself).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changelogEntry } from '../../scripts/lib/breaking/changelog.mjs';
import { diffBundles } from '../../scripts/lib/breaking/diff.mjs';
import { setPackageVersion, setSpecVersion } from '../../scripts/lib/releases.mjs';
import { bundle } from '../support/bundle.js';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

const TOOL = 'spec/components/schemas/Tool.yaml';
const LIMIT = 'spec/components/parameters/Limit.yaml';
const DATE = /\d{4}-\d{2}-\d{2}/.source;

/** A new optional response field on Tool, which lint and generate accept. */
const addToolField = (name: string) =>
  [
    TOOL,
    '  disabled:\n',
    `  ${name}:\n    type: string\n    maxLength: 64\n    description: A field added by the test.\n  disabled:\n`,
  ] as const;

/** The entry headings of a changelog, newest first. */
const headings = (changelog: string) => changelog.split('\n').filter((line) => line.startsWith('## ['));

// A release runs the whole generate (Spectral, types, the tsc package build, docs, mock package):
// real work of ~15 s on an idle machine and ~50 s measured with the two cores shared, hence the
// longer timeout than the suite's 30 s.
describe('npm run release', { timeout: 120_000 }, () => {
  // Made in a hook, not at collection: a file whose tests are filtered out leaves nothing behind.
  let copy: SpecCopy;
  beforeAll(async () => {
    copy = copySpec({ withGenerated: true, withPackage: true });
    // Start from 1.0.0 as the only release, equal to the spec, whatever the project has released
    // since: the versions below are then the ones a person would pick, and unreleased changes on
    // main do not count here.
    for (const file of readdirSync(path.join(copy.dir, 'releases'))) {
      if (file.endsWith('.json')) rmSync(path.join(copy.dir, 'releases', file));
    }
    const first = JSON.parse(copy.read('generated/openapi.json'));
    first.info.version = '1.0.0';
    copy.write('releases/1.0.0.json', `${JSON.stringify(first, null, 2)}\n`);
    await setSpecVersion('1.0.0', path.join(copy.dir, 'spec/openapi.yaml'));
    await setPackageVersion('1.0.0', copy.dir);
    const changelog = copy.read('CHANGELOG.md');
    copy.write(
      'CHANGELOG.md',
      changelog.slice(0, changelog.search(/^## \[/m)) + changelog.slice(changelog.indexOf('## [1.0.0]')),
    );
  });
  afterAll(() => copy.remove());
  const json = (file: string) =>
    JSON.parse(copy.read(file)) as {
      version?: string;
      info?: { version: string };
      packages?: Record<string, { version?: string }>;
    };

  test('refuses a version that is not a version or not above the latest release', async () => {
    const same = await copy.runInProcess('release.mjs', ['1.0.0']);
    expect(same.status).toBe(1);
    expect(same.output).toContain('1.0.0 is not greater than the latest release 1.0.0 (releases/1.0.0.json)');
    expect((await copy.runInProcess('release.mjs', ['0.9.0'])).output).toContain(
      '0.9.0 is not greater than the latest release 1.0.0',
    );
    expect((await copy.runInProcess('release.mjs', ['1.1'])).output).toContain('"1.1" is not a version');
    expect(copy.run('release.mjs', []).output).toContain('usage: npm run release -- <version>');
  });

  test('refuses a breaking change in a minor release, and touches nothing', async () => {
    const changelog = copy.read('CHANGELOG.md');
    copy.edit(LIMIT, '  maximum: 100', '  maximum: 50');
    const result = await copy.runInProcess('release.mjs', ['1.1.0']);
    copy.edit(LIMIT, '  maximum: 50', '  maximum: 100');
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'breaking: GET /connectors (listConnectors) query limit: ' +
        'tighter constraint (maximum 100 → 50) [tighter-constraint]',
    );
    expect(result.output).toContain('release them as 2.0.0, a new major version');
    expect(copy.read('spec/openapi.yaml')).toContain('  version: 1.0.0\n');
    expect(existsSync(path.join(copy.dir, 'releases/1.1.0.json'))).toBe(false);
    expect(copy.read('CHANGELOG.md')).toBe(changelog);
  });

  test('a release that fails half-way (lint, inside generate) puts every file back', async () => {
    const touched = [
      'spec/openapi.yaml',
      'package.json',
      'package-lock.json',
      'CHANGELOG.md',
      'generated/openapi.json',
    ];
    const before = touched.map((file) => copy.read(file));
    copy.edit('spec/paths/connectors.yaml', 'summary: List connectors', 'summary: List connectors.');
    const result = await copy.runInProcess('release.mjs', ['1.1.0']);
    copy.edit('spec/paths/connectors.yaml', 'summary: List connectors.', 'summary: List connectors');
    expect(result.status).toBe(1);
    expect(result.output).toContain('✔ set version 1.1.0');
    expect(result.output).toContain('rule/summary-form');
    expect(touched.map((file) => copy.read(file))).toEqual(before);
    expect(existsSync(path.join(copy.dir, 'releases/1.1.0.json'))).toBe(false);
  });

  test('a minor release stores the bundle, sets both versions and prepends a changelog entry', async () => {
    copy.edit(...addToolField('category'));
    const result = await copy.runInProcess('release.mjs', ['1.1.0']);
    expect(result.status, result.output).toBe(0);
    expect(copy.read('releases/1.1.0.json')).toBe(copy.read('generated/openapi.json'));
    expect(json('releases/1.1.0.json').info?.version).toBe('1.1.0');
    expect(copy.read('spec/openapi.yaml')).toContain('  version: 1.1.0\n');
    expect(json('package.json').version).toBe('1.1.0');
    expect(json('package-lock.json').packages?.['']?.version).toBe('1.1.0');
    const changelog = copy.read('CHANGELOG.md');
    expect(headings(changelog)).toEqual([
      expect.stringMatching(new RegExp(`^## \\[1\\.1\\.0\\] - ${DATE}$`)),
      expect.stringMatching(/^## \[1\.0\.0\]/),
    ]);
    expect(changelog).toContain(
      'Compared with 1.0.0: 1 change, 0 breaking.\n\n### Added\n' +
        '- `GET /connectors/{id}` (getConnector), response 200 `$.data.tools[*].category`: new response field\n',
    );
    const gate = await copy.runInProcess('check-breaking.mjs');
    expect(gate.status, gate.output).toBe(0);
    expect(gate.output).toContain('the spec (1.1.0) against release 1.1.0: no breaking change, 0 other changes');
  });

  test('--recut replaces the latest release and its changelog entry with the spec as it is now', async () => {
    copy.edit(...addToolField('vendor'));
    const result = await copy.runInProcess('release.mjs', ['1.1.0', '--recut']);
    expect(result.status, result.output).toBe(0);
    const changelog = copy.read('CHANGELOG.md');
    expect(headings(changelog).map((line) => line.slice(0, 10))).toEqual(['## [1.1.0]', '## [1.0.0]']);
    expect(changelog).toContain('Compared with 1.0.0: 2 changes, 0 breaking.');
    expect(changelog).toContain('response 200 `$.data.tools[*].vendor`: new response field');
    expect(changelog).toContain('response 200 `$.data.tools[*].category`: new response field');
    expect(copy.read('releases/1.1.0.json')).toContain('"vendor"');
  });

  test('a major release accepts breaking changes and marks them in the changelog', async () => {
    // Limit is shared: the six lists that take it each get their line.
    copy.edit(LIMIT, '  maximum: 100', '  maximum: 50');
    const result = await copy.runInProcess('release.mjs', ['2.0.0']);
    expect(result.status, result.output).toBe(0);
    const changelog = copy.read('CHANGELOG.md');
    expect(headings(changelog)[0]).toMatch(new RegExp(`^## \\[2\\.0\\.0\\] - ${DATE}$`));
    expect(changelog).toContain(
      'Compared with 1.1.0: 6 changes, 6 breaking.\n\n### Changed\n' +
        [
          '`GET /connectors` (listConnectors)',
          '`GET /agents` (listAgents)',
          '`GET /conversations` (listConversations)',
          '`GET /custom_tools` (listCustomTools)',
          '`GET /sources` (listSources)',
          '`GET /analytics/agents/{agent_id}` (getAgentAnalytics)',
        ]
          .map((operation) => `- ${operation}, query limit: tighter constraint (maximum 100 → 50) **Breaking**\n`)
          .join(''),
    );
    expect(json('package.json').version).toBe('2.0.0');
  });
});

describe('the changelog entry of a first release', () => {
  test('says it is the initial release and lists every operation, in the order of the spec', () => {
    const entry = changelogEntry({
      version: '1.0.0',
      date: '2026-06-25',
      previous: null,
      findings: diffBundles({ paths: {} }, bundle),
    });
    expect(entry).toBe(
      '## [1.0.0] - 2026-06-25\n\nInitial release of the v1 contract, with these operations:\n\n### Added\n' +
        '- `GET /` (getDiscovery): Retrieve the discovery banner\n' +
        '- `GET /connectors` (listConnectors): List connectors\n' +
        '- `GET /connectors/{id}` (getConnector): Retrieve a connector\n' +
        '- `GET /agents` (listAgents): List agents\n' +
        '- `POST /agents` (createAgent): Create an agent\n' +
        '- `GET /agents/{id}` (getAgent): Retrieve an agent\n' +
        '- `DELETE /agents/{id}` (deleteAgent): Delete an agent\n' +
        '- `PATCH /agents/{id}` (updateAgent): Update an agent\n' +
        '- `GET /conversations` (listConversations): List conversations\n' +
        '- `GET /conversations/{id}` (getConversation): Retrieve a conversation\n' +
        "- `GET /conversations/{id}/messages` (listConversationMessages): List a conversation's messages\n" +
        '- `GET /custom_tools` (listCustomTools): List custom tools\n' +
        '- `POST /custom_tools` (createCustomTool): Create a custom tool\n' +
        '- `GET /custom_tools/{id}` (getCustomTool): Retrieve a custom tool\n' +
        '- `DELETE /custom_tools/{id}` (deleteCustomTool): Delete a custom tool\n' +
        '- `PATCH /custom_tools/{id}` (updateCustomTool): Update a custom tool\n' +
        '- `GET /sources` (listSources): List sources\n' +
        '- `POST /sources` (createSource): Create a source\n' +
        '- `GET /sources/{id}` (getSource): Retrieve a source\n' +
        '- `DELETE /sources/{id}` (deleteSource): Delete a source\n' +
        '- `GET /chatbots/{id}` (getChatbot): Retrieve a chatbot\n' +
        '- `GET /team` (listTeamMembers): List team members\n' +
        "- `GET /analytics/agents/{agent_id}` (getAgentAnalytics): Retrieve an agent's analytics\n" +
        '- `GET /org` (getOrganization): Retrieve the organization\n',
    );
  });
});

describe('the changelog entry of a later release', () => {
  test('changes of one kind at one place of one operation share a line listing their values', () => {
    const at = (operation: string, where: string) => ({ operation, operationId: 'op', where });
    const entry = changelogEntry({
      version: '1.2.0',
      date: '2026-12-01',
      previous: '1.1.0',
      findings: [
        { ...at('GET /a', 'response 404 $.error.code'), rule: 'error-code-added', detail: '"x_not_found"' },
        { ...at('GET /a', 'response 404 $.error.code'), rule: 'error-code-added', detail: '"y_not_found"' },
        { ...at('GET /b', 'response 404 $.error.code'), rule: 'error-code-added', detail: '"x_not_found"' },
        { ...at('GET /a', 'query limit'), rule: 'tighter-constraint', detail: 'maximum 100 → 50' },
        { ...at('GET /a', 'query limit'), rule: 'tighter-constraint', detail: 'minimum 1 → 2' },
      ],
    });
    expect(entry).toBe(
      '## [1.2.0] - 2026-12-01\n\nCompared with 1.1.0: 5 changes, 2 breaking.\n\n### Added\n' +
        '- `GET /a` (op), response 404 `$.error.code`: new error code (2: "x_not_found", "y_not_found")\n' +
        '- `GET /b` (op), response 404 `$.error.code`: new error code ("x_not_found")\n\n### Changed\n' +
        '- `GET /a` (op), query limit: tighter constraint (2: maximum 100 → 50, minimum 1 → 2) **Breaking**\n',
    );
  });
});
