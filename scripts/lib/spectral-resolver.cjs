// @ts-check
// The $ref resolver Spectral uses in `npm run lint`, for two reasons:
// - it reads local files only, so Spectral never goes to the network for a $ref;
// - a $ref to a file that is not YAML or JSON (the Markdown of info and tag descriptions, the code
//   samples under spec/code_samples/, which Redocly inlines as text) resolves to that file's text.
//   Spectral parses every referenced file as YAML, so the text is handed over as a JSON string,
//   which is valid YAML for a string, instead of as Markdown or code it would misparse.
// CommonJS so that it also works as `spectral lint --resolver` for the CLI, which require()s it.
const { readFile } = require('node:fs/promises');
const { Resolver } = require('@stoplight/spectral-ref-resolver');

module.exports = new Resolver({
  resolvers: {
    file: {
      /** @param {{ href(): string }} ref */
      async resolve(ref) {
        const file = ref.href();
        const text = await readFile(file, 'utf8');
        return /\.(ya?ml|json)$/.test(file) ? text : JSON.stringify(text);
      },
    },
  },
});
