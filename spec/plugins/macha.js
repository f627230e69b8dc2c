// Lint rules for the Macha conventions that Redocly's configurable rules cannot express.
// Each rule reports at the node to change, so the lint output names the file and line.

/**
 * An operation either needs a key or is public. With a key: its one security role is the scope it
 * names in x-required-scope, and it declares 401 and 403. Public (`security: []`, like GET /): no
 * scope, and no 401 or 403, which it can never answer.
 */
function ScopeConsistent() {
  return {
    Operation: {
      enter(operation, ctx) {
        const scope = operation['x-required-scope'];
        const requirements = operation.security ?? [];
        const statuses = Object.keys(operation.responses ?? {});
        if (Array.isArray(operation.security) && requirements.length === 0) {
          const wrong = [
            scope !== undefined && 'x-required-scope',
            ...statuses.filter((s) => s === '401' || s === '403'),
          ];
          if (wrong.some(Boolean)) {
            ctx.report({
              message: `a public operation (security: []) has no ${wrong.filter(Boolean).join(', ')}.`,
              location: ctx.location.child('security'),
            });
          }
          return;
        }
        const roles = requirements.flatMap((requirement) => Object.values(requirement).flat());
        if (requirements.length !== 1 || roles.length !== 1 || roles[0] !== scope) {
          ctx.report({
            message:
              `security must name exactly the scope of x-required-scope (${scope ?? 'missing'}), ` +
              `found [${roles.join(', ')}]; a public operation says security: [].`,
            location: ctx.location.child('security'),
          });
        }
        const missing = ['401', '403'].filter((status) => !statuses.includes(status));
        if (missing.length > 0) {
          ctx.report({
            message: `an operation that needs a key declares ${missing.join(' and ')}.`,
            location: ctx.location.child('responses'),
          });
        }
      },
    },
  };
}

/** An operation that takes parameters or a body must declare 422 validation_failed. */
function ValidationErrorDeclared() {
  return {
    PathItem: {
      Operation: {
        enter(operation, ctx, parents) {
          const takesInput =
            (operation.parameters ?? []).length > 0 ||
            (parents.PathItem.parameters ?? []).length > 0 ||
            operation.requestBody !== undefined;
          if (takesInput && !operation.responses?.['422']) {
            ctx.report({
              message: 'This operation takes parameters or a body, so it must declare 422 (UnprocessableEntity).',
              location: ctx.location.child('responses'),
            });
          }
        },
      },
    },
  };
}

/** Every 4xx/5xx response is a $ref to a shared response in components/responses/. */
function ErrorResponseShared() {
  return {
    Responses: {
      enter(responses, ctx) {
        for (const [status, response] of Object.entries(responses)) {
          if (!/^[45]/.test(status)) continue;
          const ref = response && typeof response === 'object' ? response.$ref : undefined;
          if (typeof ref !== 'string' || !/(^|\/)components\/responses\/[A-Z][A-Za-z]+\.yaml$/.test(ref)) {
            ctx.report({
              message:
                `Error response ${status} must $ref a shared response in components/responses/ ` +
                '(like NotFound.yaml), so every error uses the one envelope.',
              location: ctx.location.child(status),
            });
          }
        }
      },
    },
  };
}

/** The samples every operation shows in the docs: a curl command and the typed client. */
const REQUIRED_SAMPLES = [
  { lang: 'Shell', label: 'curl' },
  { lang: 'TypeScript', label: '@macha/api-client' },
];

/** Every operation has a curl and a @macha/api-client sample in x-codeSamples, each with a source. */
function CodeSamples() {
  return {
    Operation: {
      enter(operation, ctx) {
        const samples = Array.isArray(operation['x-codeSamples']) ? operation['x-codeSamples'] : [];
        const missing = REQUIRED_SAMPLES.filter(
          (required) =>
            !samples.some(
              (sample) =>
                sample?.lang === required.lang &&
                sample?.label === required.label &&
                (sample.source?.$ref || sample.source?.trim?.()),
            ),
        );
        if (missing.length > 0) {
          const needed = missing.map((sample) => `{ lang: ${sample.lang}, label: '${sample.label}' }`).join(' and ');
          ctx.report({
            message: `x-codeSamples needs ${needed} with a source (a $ref to a file under spec/code_samples/).`,
            location: operation['x-codeSamples'] ? ctx.location.child('x-codeSamples') : ctx.location.key(),
          });
        }
      },
    },
  };
}

/**
 * The client's resource name for a tag (camelCase: "Custom tools" → customTools), as
 * scripts/lib/operations.mjs derives it.
 * @param {string} tag
 */
function resourceName(tag) {
  const [first = '', ...rest] = tag.trim().split(/[^A-Za-z0-9]+/);
  const tail = rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('');
  return first.toLowerCase() + tail;
}

/**
 * Why a tag cannot name a client resource, or undefined: a name that is a member of
 * Object.prototype (constructor, toString, __proto__...) would shadow or overwrite it on the client.
 * @param {unknown} tag
 */
function prototypeClash(tag) {
  if (typeof tag !== 'string') return undefined;
  const clash = [resourceName(tag), tag.trim()].find((name) => name in Object.prototype);
  return clash === undefined
    ? undefined
    : `Tag "${tag}" becomes the client resource \`${clash}\`, a member of Object.prototype; rename the tag.`;
}

/** No tag, declared or used by an operation, may become a resource named like an Object.prototype member. */
function TagResourceName() {
  return {
    Tag: {
      enter(tag, ctx) {
        const message = prototypeClash(tag.name);
        if (message) ctx.report({ message, location: ctx.location.child('name') });
      },
    },
    Operation: {
      enter(operation, ctx) {
        for (const [index, tag] of (Array.isArray(operation.tags) ? operation.tags : []).entries()) {
          const message = prototypeClash(tag);
          if (message) ctx.report({ message, location: ctx.location.child(['tags', index]) });
        }
      },
    },
  };
}

/** Redocly plugin entry: the project's own lint rules, enabled in redocly.yaml as macha/<rule>. */
export default function machaPlugin() {
  return {
    id: 'macha',
    rules: {
      oas3: {
        'scope-consistent': ScopeConsistent,
        'validation-error-declared': ValidationErrorDeclared,
        'error-response-shared': ErrorResponseShared,
        'code-samples': CodeSamples,
        'tag-resource-name': TagResourceName,
      },
    },
  };
}
