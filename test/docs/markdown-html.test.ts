// The lint check on raw HTML in markdown: the docs page renders every description as HTML, so
// anything but plain formatting, in any markdown field or file, is refused with its file and line.
import { afterEach, describe, expect, test } from 'vitest';
import { htmlProblems, markdownHtml } from '../../scripts/lib/markdown-html.mjs';
import { bundle } from '../support/bundle.js';
import { copySpec, type SpecCopy } from '../support/spec-copy.js';

const SRCDOC = '<iframe srcdoc="&lt;script&gt;parent.alert(document.domain)&lt;/script&gt;"></iframe>';

describe('htmlProblems', () => {
  test.each([
    ['an iframe with a srcdoc script', SRCDOC, /<iframe>/],
    ['a script', '<script>alert(1)</script>', /<script>/],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://example.com">', /<meta>/],
    ['a style element', '<style>body { display: none }</style>', /<style>/],
    ['an event handler', '<b onmouseover="alert(1)">hi</b>', /<b onmouseover=/],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /<a href=/],
    ['an object', '<object data="x.swf"></object>', /<object>/],
    ['a form', '<form action="https://example.com"><input></form>', /<form>/],
    ['a base', '<base href="https://example.com/">', /<base>/],
  ])('refuses %s', (_name, html, problem) => {
    const problems = htmlProblems(`Intro.\n\n${html}\n`);
    expect(problems[0]).toEqual({ line: 3, problem: expect.stringMatching(problem) });
  });

  test('accepts markdown, plain formatting, autolinks and anything inside code', () => {
    const text = [
      'Send `Authorization: Bearer <key>` to <https://dashboard.getmacha.com/api/v1>.',
      '<b>Bold</b>, <em>em</em>, <br>, <a href="https://www.getmacha.com/docs">docs</a>, <!-- note -->',
      '```html',
      '<iframe srcdoc="<script>shown, not run</script>"></iframe>',
      '```',
    ].join('\n');
    expect(htmlProblems(text)).toEqual([]);
  });
});

describe('markdownHtml on the spec', () => {
  let copy: SpecCopy | undefined;
  afterEach(() => copy?.remove());

  test('the spec as committed has no problem', async () => {
    copy = copySpec();
    expect(await markdownHtml({ root: copy.dir, bundle })).toEqual([]);
  });

  test('names file and line of raw HTML in an operation, description.md, a tag file and a guide', async () => {
    copy = copySpec();
    copy.edit('spec/paths/agents.yaml', '    object. Pages with', `    object. ${SRCDOC} Pages with`);
    copy.edit(
      'spec/description.md',
      '# Getting started\n',
      '# Getting started\n\n<meta http-equiv="refresh" content="0">\n',
    );
    copy.edit('spec/tags/Agents.md', 'An agent answers', '<style>body { display: none }</style> An agent answers');
    copy.edit('spec/guides/mock.md', '## Start it\n', `## Start it\n\n${SRCDOC}\n`);
    const problems = await markdownHtml({ root: copy.dir, bundle });
    const descriptionLine = copy
      .read('spec/description.md')
      .split('\n')
      .indexOf('<meta http-equiv="refresh" content="0">');
    const guideLine = copy.read('spec/guides/mock.md').split('\n').indexOf(SRCDOC);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^spec/description\\.md:${descriptionLine + 1}: raw HTML <meta>`)),
      expect.stringMatching(new RegExp(`^spec/guides/mock\\.md:${guideLine + 1}: raw HTML <iframe>`)),
      expect.stringMatching(/^spec\/paths\/agents\.yaml:7: raw HTML <iframe>/),
      expect.stringMatching(/^spec\/tags\/Agents\.md:1: raw HTML <style>/),
    ]);
  });

  test('names the bundle pointer of raw HTML no spec file holds', async () => {
    copy = copySpec();
    const hostile = structuredClone(bundle);
    const agent = hostile.components.schemas!.Agent as { description: string };
    agent.description = `Injected.\n${SRCDOC}`;
    expect(await markdownHtml({ root: copy.dir, bundle: hostile })).toEqual([
      expect.stringMatching(/^bundle #\/components\/schemas\/Agent\/description \(line 2\): raw HTML <iframe> is not/),
    ]);
  });

  test('npm run lint fails on it, naming the file and line', async () => {
    copy = copySpec();
    copy.edit('spec/tags/Connectors.md', 'A connector is', `${SRCDOC}\nA connector is`);
    const { status, output } = await copy.runInProcess('lint.mjs');
    expect(status).toBe(1);
    expect(output).toMatch(/spec\/tags\/Connectors\.md:1: raw HTML <iframe> is not plain formatting/);
  }, 120_000);
});
