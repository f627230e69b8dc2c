// Keeps the API key out of everything the client shows: error fields, log lines, hook events.

/** Anything that looks like a Macha key or a bearer credential, whoever's it is. */
const CREDENTIALS = /\bmka_(?:live|test)_[A-Za-z0-9]+|\b(Bearer|Basic)\s+[^\s"',;]+/gi;
/** A key this long is redacted wherever it appears, even inside a longer word. */
const LONG_KEY = 12;

/** Escapes text for use inside a RegExp. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that replaces the key, key-shaped strings and bearer credentials with `[redacted]`.
 * A short key is replaced only where it stands alone (not inside a word), so `apiKey: 'x'` does
 * not turn "exceeded" into "e[redacted]ceeded".
 */
export function createRedactor(apiKey: string): (text: string) => string {
  const key =
    apiKey.length >= LONG_KEY
      ? new RegExp(escaped(apiKey), 'g')
      : new RegExp(`(?<![A-Za-z0-9_-])${escaped(apiKey)}(?![A-Za-z0-9_-])`, 'g');
  return (text) =>
    text
      .replace(key, '[redacted]')
      .replace(CREDENTIALS, (_match, scheme: string | undefined) => (scheme ? `${scheme} [redacted]` : '[redacted]'));
}
