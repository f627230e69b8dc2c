// The post-processing that makes the built docs page work offline: every CDN asset Redoc names is
// swapped for an inline stand-in, and a page that would still reach a CDN or send telemetry fails
// the build with the URL and the fix.
import { describe, expect, test } from 'vitest';
import { offlinePage } from '../../scripts/lib/docs.mjs';

const TELEMETRY_OFF = 'const __redoc_options = {"skipBundle":true,"disableTelemetry":true};';
const REDOC_ASSETS = [
  'src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`',
  'Zo={"font-awesome":`https://cdn.redocly.com/icons/fa/7.0.0`,code:`https://cdn.redocly.com/icons/code/5.24.0`}',
];

describe('offlinePage', () => {
  test('replaces the logo and icon CDN URLs of Redoc 3 with data: URLs', () => {
    const page = offlinePage([...REDOC_ASSETS, TELEMETRY_OFF].join('\n'));
    expect(page).not.toMatch(/https?:\/\//);
    expect(page.match(/`data:image\/svg\+xml,[^`]+`/g)).toHaveLength(4);
  });

  test('fails on a CDN URL it has no stand-in for, naming it and the fix', () => {
    expect(() =>
      offlinePage(
        `<script src="https://cdn.redocly.com/redoc/v3/bundles/redoc.standalone.js"></script>${TELEMETRY_OFF}`,
      ),
    ).toThrow(
      /still loads from a CDN: https:\/\/cdn\.redocly\.com\/redoc\/v3\/bundles\/redoc\.standalone\.js\nFix: add a local stand-in for it to CDN_STAND_INS in scripts\/lib\/docs\.mjs/,
    );
  });

  test('fails when the page would send Redoc telemetry', () => {
    expect(() => offlinePage('const __redoc_options = {"skipBundle":true,"disableTelemetry":false};')).toThrow(
      /would send Redoc telemetry.*REDOCLY_TELEMETRY=off/,
    );
  });
});
