/**
 * A pure conversion of text, remembering its results by input. Big specs repeat the same text:
 * GitHub's "The account owner of the repository." alone is a parameter description hundreds of
 * times, each landing in several pages (on GitHub's spec, 35,000 Markdown conversions of 4,700
 * texts), and the same few hundred `$ref`s are read tens of thousands of times. Results must be
 * immutable values (strings, undefined), so no caller can change what another gets. The memory is
 * dropped once it holds `limit` inputs, so a long `--watch` session does not keep every text it saw.
 */
export function rememberText<T extends string | undefined, R extends string | undefined>(
  convert: (text: T) => R,
  limit = 20_000,
): (text: T) => R {
  const seen = new Map<T, R>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as R;
    if (seen.size >= limit) seen.clear();
    const result = convert(text);
    seen.set(text, result);
    return result;
  };
}
