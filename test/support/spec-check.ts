// A fetch that checks every response a test receives against the spec (Ajv, headers included)
// and collects Prism's `sl-violations`; after each test, any problem or violation the test did not
// claim fails that test.
import { afterEach, expect } from 'vitest';
import { operationFor, responseProblems } from './bundle.js';

/** One entry of Prism's `sl-violations` header. */
export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** One request and what checking its response found. */
export interface Exchange {
  label: string;
  problems: string[];
  violations: Violation[];
}

/** A checking fetch and the exchanges it has seen in the current test. */
export interface SpecCheck {
  fetch: (request: Request) => Promise<Response>;
  /** The violations Prism reported so far in this test, which the test thereby expects. */
  takeViolations(): Violation[];
}

/**
 * Returns a fetch for the client under test that validates every response, and registers an
 * afterEach that fails the test on any schema problem or unclaimed `sl-violations` entry.
 * `sameRequestId` adds the check that X-Request-ID equals the body's request_id; it is off for the
 * Prism mock, which serves each header's and the body's examples independently.
 */
export function useSpecCheck(options: { baseUrl: string; sameRequestId: boolean }): SpecCheck {
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
  let exchanges: Exchange[] = [];

  afterEach(() => {
    const seen = exchanges;
    exchanges = [];
    expect(seen.flatMap((exchange) => exchange.problems.map((problem) => `${exchange.label}: ${problem}`))).toEqual([]);
    expect(
      seen.flatMap((exchange) =>
        exchange.violations.map((violation) => `${exchange.label}: sl-violations ${JSON.stringify(violation)}`),
      ),
    ).toEqual([]);
  });

  return {
    async fetch(request) {
      const response = await fetch(request);
      const url = new URL(request.url);
      const pathname = url.pathname.slice(basePath.length) || '/';
      const exchange: Exchange = {
        label: `${request.method} ${pathname}${url.search} -> ${response.status}`,
        problems: [],
        violations: [],
      };
      exchanges.push(exchange);
      const violations = response.headers.get('sl-violations');
      if (violations) exchange.violations = JSON.parse(violations) as Violation[];
      const operation = operationFor(request.method, pathname);
      if (!operation) {
        exchange.problems.push('no operation of the spec matches this request');
        return response;
      }
      const bodyText = await response.clone().text();
      exchange.problems = responseProblems(operation, { status: response.status, headers: response.headers, bodyText });
      if (options.sameRequestId && exchange.problems.length === 0)
        exchange.problems.push(...requestIdProblems(response.headers, bodyText));
      return response;
    },
    takeViolations() {
      const taken = exchanges.flatMap((exchange) => exchange.violations);
      for (const exchange of exchanges) exchange.violations = [];
      return taken;
    },
  };
}

/** The spec says X-Request-ID is the body's request_id; a schema cannot say that, so it is checked here. */
function requestIdProblems(headers: Headers, bodyText: string): string[] {
  const body = JSON.parse(bodyText) as { meta?: { request_id?: string }; error?: { request_id?: string } };
  const inBody = body.meta?.request_id ?? body.error?.request_id;
  const inHeader = headers.get('x-request-id');
  return inBody === inHeader ? [] : [`X-Request-ID ${inHeader} differs from the body's request_id ${inBody}`];
}
