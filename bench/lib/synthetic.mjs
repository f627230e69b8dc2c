// @ts-check
// Deterministic synthetic projects for the scale benchmark: the Macha spec plus as many synthetic
// resources as it takes to reach N operations, each written the way the project's conventions ask
// (split layout, one component per file, examples, code samples, scopes, bounded strings), so that
// every gate of our pipeline runs on them unchanged: Redocly lint with our rules, the layout check,
// OWASP, the breaking-change gate (additions only), types, docs and the client package build.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { operationTable } from '../../scripts/lib/operations.mjs';
import { PIPELINE_INPUTS } from '../../scripts/lib/project-files.mjs';

/** The project's files a pipeline run reads, and the releases the breaking-change gate compares with. */
const PROJECT_FILES = [...PIPELINE_INPUTS, 'releases'];
/** The Macha spec's own operations (those of the committed bundle). */
export const MACHA_OPERATIONS = Object.keys(
  operationTable(
    JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'generated', 'openapi.json'), 'utf8')),
  ),
).length;
const VERBS = /** @type {const} */ (['list', 'create', 'get', 'update', 'delete']);
const ERRORS = {
  401: 'Unauthorized',
  403: 'Forbidden',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};
const HEADERS = {
  'X-Request-ID': 'XRequestId',
  'X-RateLimit-Limit': 'XRateLimitLimit',
  'X-RateLimit-Remaining': 'XRateLimitRemaining',
  'X-RateLimit-Reset': 'XRateLimitReset',
};

/**
 * A name made of letters only (operationIds and scopes allow no digits): 0 → "A", 27 → "Bb".
 * @param {number} index
 */
function letters(index) {
  let name = '';
  let rest = index;
  do {
    name = String.fromCharCode((name === '' ? 65 : 97) + (rest % 26)) + name;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}

/**
 * @param {number} seed
 * @param {number} length
 */
function hex(seed, length) {
  let out = '';
  for (let i = 0; out.length < length; i += 1)
    out += ((seed * 2654435761 + i * 40503) >>> 0).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** @param {string} file @param {unknown} value */
function writeYaml(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, stringify(value, { lineWidth: 0 }));
}

/** The headers every response declares. */
function responseHeaders() {
  return Object.fromEntries(
    Object.entries(HEADERS).map(([name, file]) => [name, { $ref: `../components/headers/${file}.yaml` }]),
  );
}

/** @param {number} status @param {string} schema @param {string} exampleName @param {unknown} example */
function jsonResponse(status, schema, exampleName, example) {
  return {
    description: status === 201 ? 'Created.' : 'Success.',
    headers: responseHeaders(),
    content: {
      'application/json': {
        schema: { $ref: `../components/schemas/${schema}.yaml` },
        examples: { [exampleName]: { summary: 'A synthetic example', value: example } },
      },
    },
  };
}

/** The error responses every operation declares, plus the extra ones of a verb. @param {number[]} extra */
function errorResponses(extra = []) {
  const all = {
    ...ERRORS,
    ...Object.fromEntries(extra.map((status) => [status, status === 404 ? 'NotFound' : 'Conflict'])),
  };
  return Object.fromEntries(
    Object.entries(all)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, name]) => [status, { $ref: `../components/responses/${name}.yaml` }]),
  );
}

/**
 * Writes resource `index` (up to five operations) into specDir; returns its tag and its paths.
 * @param {string} specDir
 * @param {number} index
 * @param {number} operations how many of list, create, get, update, delete it has (1–5)
 */
function writeResource(specDir, index, operations) {
  const name = `Widget${letters(index)}`;
  const slug = `widgets-${letters(index).toLowerCase()}`;
  const tag = `Widgets ${letters(index)}`;
  const scope = slug.replace('-', '_');
  const id = `widget_${hex(index, 24)}`;
  const widget = {
    id,
    name: `Widget ${index}`,
    count: index % 1000,
    labels: ['synthetic'],
    created_at: '2026-06-01T00:00:00.000Z',
  };
  const meta = { request_id: `req_${hex(index + 7, 16)}` };
  const schemas = path.join(specDir, 'components', 'schemas');
  const string = (description, maxLength) => ({ type: 'string', description, minLength: 1, maxLength });
  writeYaml(path.join(schemas, `${name}.yaml`), {
    type: 'object',
    description: `A synthetic resource (${tag}).`,
    required: ['id', 'name', 'count', 'labels', 'created_at'],
    properties: {
      id: { type: 'string', description: 'The ID.', maxLength: 31, pattern: '^widget_[0-9a-f]{24}$' },
      name: string('A display name.', 128),
      count: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000, description: 'A count.' },
      labels: { type: 'array', description: 'Labels.', maxItems: 16, items: string('A label.', 32) },
      created_at: { $ref: './Timestamp.yaml' },
    },
  });
  const verbs = VERBS.slice(0, operations);
  // Only what an operation of the resource uses: the lint refuses an unused component.
  if (verbs.some((verb) => verb === 'create' || verb === 'get' || verb === 'update'))
    writeYaml(path.join(schemas, `${name}Envelope.yaml`), {
      type: 'object',
      description: `One ${tag} resource.`,
      required: ['data', 'meta'],
      properties: { data: { $ref: `./${name}.yaml` }, meta: { $ref: './Meta.yaml' } },
    });
  writeYaml(path.join(schemas, `${name}List.yaml`), {
    type: 'object',
    description: `A page of ${tag} resources.`,
    required: ['data', 'meta'],
    properties: {
      data: { type: 'array', description: 'This page.', maxItems: 100, items: { $ref: `./${name}.yaml` } },
      meta: { $ref: './ListMeta.yaml' },
    },
  });
  const input = (required) => ({
    type: 'object',
    description: `The fields of a ${tag} resource a client sends.`,
    additionalProperties: false,
    ...(required ? { required: ['name'] } : { minProperties: 1 }),
    properties: {
      name: string('A display name.', 128),
      count: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000, description: 'A count.' },
      labels: { type: 'array', description: 'Labels.', maxItems: 16, items: string('A label.', 32) },
    },
  });
  if (verbs.includes('create')) writeYaml(path.join(schemas, `${name}Create.yaml`), input(true));
  if (verbs.includes('update')) writeYaml(path.join(schemas, `${name}Update.yaml`), input(false));

  /** @param {'list' | 'create' | 'get' | 'update' | 'delete'} verb @param {string} pathFile @param {string} method */
  const operation = (verb, pathFile, method) => {
    const action = verb === 'get' ? 'read' : verb === 'delete' ? 'delete' : verb === 'list' ? 'read' : 'write';
    const operationId = `${verb}${verb === 'list' ? `Widgets${letters(index)}` : name}`;
    const summaries = {
      list: `List widgets ${letters(index)}`,
      create: `Create a widget ${letters(index)}`,
      get: `Retrieve a widget ${letters(index)}`,
      update: `Update a widget ${letters(index)}`,
      delete: `Delete a widget ${letters(index)}`,
    };
    for (const [lang, ext, text] of [
      [
        'curl',
        'sh',
        `curl -X ${method.toUpperCase()} https://dashboard.getmacha.com/api/v1/${slug} ` +
          '-H "Authorization: Bearer $MACHA_API_KEY"\n',
      ],
      [
        'typescript',
        'ts',
        'import { createMachaClient } from "@macha/api-client";\n\nconst macha = createMachaClient();\n' +
          `console.log("${operationId}", macha);\n`,
      ],
    ]) {
      const file = path.join(specDir, 'code_samples', lang, pathFile, `${method}.${ext}`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    return {
      operationId,
      summary: summaries[verb],
      description: `${summaries[verb]}: a synthetic operation of the scale benchmark.`,
      tags: [tag],
      'x-required-scope': `${scope}:${action}`,
      security: [{ BearerAuth: [`${scope}:${action}`] }],
      'x-codeSamples': [
        { lang: 'Shell', label: 'curl', source: { $ref: `../code_samples/curl/${pathFile}/${method}.sh` } },
        {
          lang: 'TypeScript',
          label: '@macha/api-client',
          source: { $ref: `../code_samples/typescript/${pathFile}/${method}.ts` },
        },
      ],
    };
  };

  const collection = {};
  const item = {};
  if (verbs.includes('list')) {
    collection.get = {
      ...operation('list', slug, 'get'),
      parameters: [{ $ref: '../components/parameters/Limit.yaml' }, { $ref: '../components/parameters/Cursor.yaml' }],
      responses: {
        200: jsonResponse(200, `${name}List`, 'page', { data: [widget], meta: { ...meta, next_cursor: null } }),
        ...errorResponses(),
      },
    };
  }
  if (verbs.includes('create')) {
    collection.post = {
      ...operation('create', slug, 'post'),
      parameters: [{ $ref: '../components/parameters/IdempotencyKey.yaml' }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: `../components/schemas/${name}Create.yaml` },
            examples: { minimal: { summary: 'A name only', value: { name: 'Widget' } } },
          },
        },
      },
      responses: {
        201: jsonResponse(201, `${name}Envelope`, 'created', { data: widget, meta }),
        ...errorResponses([409]),
      },
    };
  }
  if (verbs.includes('get')) {
    item.get = {
      ...operation('get', `${slug}_{id}`, 'get'),
      responses: {
        200: jsonResponse(200, `${name}Envelope`, 'found', { data: widget, meta }),
        ...errorResponses([404]),
      },
    };
  }
  if (verbs.includes('update')) {
    item.patch = {
      ...operation('update', `${slug}_{id}`, 'patch'),
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: `../components/schemas/${name}Update.yaml` },
            examples: { rename: { summary: 'A new name', value: { name: 'Renamed' } } },
          },
        },
      },
      responses: {
        200: jsonResponse(200, `${name}Envelope`, 'updated', { data: widget, meta }),
        ...errorResponses([404]),
      },
    };
  }
  if (verbs.includes('delete')) {
    item.delete = {
      ...operation('delete', `${slug}_{id}`, 'delete'),
      responses: { 204: { description: 'Deleted.', headers: responseHeaders() }, ...errorResponses([404]) },
    };
  }
  const paths = {};
  if (Object.keys(collection).length > 0) {
    writeYaml(path.join(specDir, 'paths', `${slug}.yaml`), collection);
    paths[`/${slug}`] = { $ref: `./paths/${slug}.yaml` };
  }
  if (Object.keys(item).length > 0) {
    writeYaml(path.join(specDir, 'paths', `${slug}_{id}.yaml`), {
      parameters: [{ $ref: '../components/parameters/WidgetIdPath.yaml' }],
      ...item,
    });
    paths[`/${slug}/{id}`] = { $ref: `./paths/${slug}_{id}.yaml` };
  }
  return { tag: { name: tag, description: `Synthetic resource ${letters(index)} of the scale benchmark.` }, paths };
}

/**
 * Creates a project folder (a copy of root's spec, client and configs, node_modules linked) whose
 * spec has `operations` operations in all: the Macha ones and synthetic ones. Returns its path.
 * @param {string} root the project to copy
 * @param {number} operations at least MACHA_OPERATIONS
 */
export function syntheticProject(root, operations) {
  const dir = mkdtempSync(path.join(tmpdir(), `macha-bench-${operations}-`));
  for (const entry of PROJECT_FILES) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const specDir = path.join(dir, 'spec');
  if (operations <= MACHA_OPERATIONS) return dir;
  writeYaml(path.join(specDir, 'components', 'parameters', 'WidgetIdPath.yaml'), {
    name: 'id',
    in: 'path',
    description: 'The ID of a synthetic resource.',
    required: true,
    schema: {
      type: 'string',
      minLength: 31,
      maxLength: 31,
      pattern: '^widget_[0-9a-f]{24}$',
      examples: ['widget_64f1c0ef2ec711ef6dc1dcf0'],
    },
  });
  const rootFile = path.join(specDir, 'openapi.yaml');
  const doc = parseDocument(readFileSync(rootFile, 'utf8'));
  for (let index = 0, left = operations - MACHA_OPERATIONS; left > 0; index += 1, left -= VERBS.length) {
    const { tag, paths } = writeResource(specDir, index, Math.min(VERBS.length, left));
    doc.addIn(['tags'], tag);
    doc.addIn(['x-tagGroups', 0, 'tags'], tag.name);
    for (const [url, ref] of Object.entries(paths)) doc.setIn(['paths', url], ref);
  }
  writeFileSync(rootFile, doc.toString({ lineWidth: 0 }));
  return dir;
}
