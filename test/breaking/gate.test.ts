// The real gate (`npm run check:breaking`; lint does not run it) against the real spec and the
// committed release, in a scratch copy with deliberate edits, run in this process.
import { afterEach, describe, expect, test } from 'vitest';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

const LIMIT = 'spec/components/parameters/Limit.yaml';
const ROOT_FILE = 'spec/openapi.yaml';
const TOOL = 'spec/components/schemas/Tool.yaml';
/** Limit is shared: a lower maximum breaks each of the six lists that take it. */
const TIGHTER_LIMIT = [
  'GET /connectors (listConnectors)',
  'GET /agents (listAgents)',
  'GET /conversations (listConversations)',
  'GET /custom_tools (listCustomTools)',
  'GET /sources (listSources)',
  'GET /analytics/agents/{agent_id} (getAgentAnalytics)',
].map((operation) => `breaking: ${operation} query limit: tighter constraint (maximum 100 → 50) [tighter-constraint]`);

/** The spec's info.version line: the committed spec is the latest release (1.1.0 today). */
const versionLine = (copy: SpecCopy) => {
  const version = /^ {2}version: (\S+)$/m.exec(copy.read(ROOT_FILE))?.[1];
  if (!version) throw new Error(`fixture is stale: no info.version in ${ROOT_FILE}`);
  return { line: `  version: ${version}`, version };
};

/** The lines of a run's output that report a breaking change. */
const breakingLines = (output: string) => output.split('\n').filter((line) => line.startsWith('breaking:'));

describe('npm run check:breaking', () => {
  let copy: SpecCopy;
  afterEach(() => copy.remove());

  test('a breaking edit fails with one line naming operation, path and rule, unless it is a new major', async () => {
    copy = copySpec();
    copy.edit(LIMIT, '  maximum: 100', '  maximum: 50');
    const failed = await copy.runInProcess('check-breaking.mjs');
    expect(failed.status, failed.output).toBe(1);
    expect(breakingLines(failed.output)).toEqual(TIGHTER_LIMIT);
    expect(failed.output).toContain('6 breaking change(s)');
    expect(failed.output).toContain('v1 is never broken in place');

    copy.edit(ROOT_FILE, versionLine(copy).line, '  version: 2.0.0');
    const allowed = await copy.runInProcess('check-breaking.mjs');
    expect(allowed.status, allowed.output).toBe(0);
    expect(breakingLines(allowed.output)).toEqual(TIGHTER_LIMIT);
    expect(allowed.output).toContain('allowed because 2.0.0 starts a new major version');
  });

  test('an additive edit passes and is listed as info', async () => {
    copy = copySpec();
    copy.edit(
      TOOL,
      '  disabled:\n',
      '  category:\n    type: string\n    description: The group the tool belongs to.\n  disabled:\n',
    );
    const result = await copy.runInProcess('check-breaking.mjs');
    expect(result.status, result.output).toBe(0);
    expect(breakingLines(result.output)).toEqual([]);
    expect(result.output).toContain(
      'info: GET /connectors/{id} (getConnector) response 200 $.data.tools[*].category: ' +
        'new response field [response-field-added]',
    );
  });

  test('a response-only bound lowered passes: responses may tighten (issue 17)', async () => {
    copy = copySpec();
    copy.edit(TOOL, '    minLength: 1\n    maxLength: 128', '    minLength: 1\n    maxLength: 64');
    const result = await copy.runInProcess('check-breaking.mjs');
    expect(result.status, result.output).toBe(0);
    expect(breakingLines(result.output)).toEqual([]);
    expect(result.output).toContain(
      'info: GET /connectors/{id} (getConnector) response 200 $.data.tools[*].name: ' +
        'tighter constraint on a value clients receive (maxLength 128 → 64) [response-tighter-constraint]',
    );
  });

  test('an info.version below the latest release is refused, naming the file', async () => {
    copy = copySpec();
    const { line, version } = versionLine(copy);
    copy.edit(ROOT_FILE, line, '  version: 0.9.0');
    const result = await copy.runInProcess('check-breaking.mjs');
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      `spec/openapi.yaml: info.version 0.9.0 is lower than the latest release ${version}`,
    );
  });
});
