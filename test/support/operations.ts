// The operations of the bundled spec with what the docs show for each: summary, tag and the
// source of its code samples, so the docs tests check every operation without listing them.
import { operations } from '../../scripts/lib/openapi.mjs';
import { bundle } from './bundle.js';

/** One operation of generated/openapi.json, as the docs present it. */
export interface DocumentedOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  /** The x-codeSamples sources, by label (`curl`, `@macha/api-client`). */
  samples: Record<string, string>;
  /** The operation object itself. */
  raw: Record<string, unknown>;
}

interface CodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** Every operation of the bundle, in spec order. */
export function documentedOperations(): DocumentedOperation[] {
  return operations(bundle).map(({ method, path, operation: raw }) => {
    const operation = raw as Record<string, unknown> & {
      operationId: string;
      summary: string;
      tags: string[];
      'x-codeSamples'?: CodeSample[];
    };
    const samples = Object.fromEntries(
      (operation['x-codeSamples'] ?? []).map((sample) => [sample.label ?? sample.lang, sample.source]),
    );
    return {
      operationId: operation.operationId,
      method,
      path,
      summary: operation.summary,
      tag: operation.tags[0] ?? '',
      samples,
      raw: operation,
    };
  });
}

/** The tags of the bundle with their descriptions. */
export function documentedTags(): { name: string; description: string }[] {
  return bundle.tags as { name: string; description: string }[];
}

/** The `#` and `##` headings of info.description (outside code blocks): the guide's sidebar sections. */
export function guideSections(): string[] {
  const description = (bundle.info as { description: string }).description;
  let inCode = false;
  const headings: string[] = [];
  for (const line of description.split('\n')) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    const heading = !inCode && /^#{1,2} (.+)$/.exec(line);
    if (heading) headings.push(heading[1]!.trim());
  }
  return headings;
}
