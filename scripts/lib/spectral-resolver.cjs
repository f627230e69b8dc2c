// @ts-check
// The $ref resolver `npm run lint` gives Spectral (`spectral lint --resolver`), for two reasons:
// - it reads local files only, so Spectral never goes to the network for a $ref;
// - a $ref to a file that is not YAML or JSON (the Markdown of info and tag descriptions, the code
//   samples under spec/code_samples/, which Redocly inlines as text) resolves to that file's text.
//   Spectral parses every referenced file as YAML, so the text is handed over as a JSON string,
//   which is valid YAML for a string, instead of as Markdown or code it would misparse.
// CommonJS because Spectral loads it with require().
const { readFile } = require('node:fs/promises');
const { createRequire } = require('node:module');

// The Resolver class of the copy of @stoplight/spectral-ref-resolver that Spectral CLI itself uses.
const fromSpectral = createRequire(require.resolve('@stoplight/spectral-cli/package.json'));
const { Resolver } = fromSpectral('@stoplight/spectral-ref-resolver');

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
