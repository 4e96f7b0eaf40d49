/**
 * A pure text conversion that remembers its results by input. Big specs repeat the same text:
 * GitHub's "The account owner of the repository." alone is a parameter description hundreds of
 * times, and each lands in several pages (on GitHub's spec, 35,000 conversions of 4,700 texts).
 * Results are strings, so no caller can change what another gets. The memory is dropped once it
 * holds `limit` texts, so a long `--watch` session does not keep every description it ever saw.
 */
export function rememberText<T extends string | undefined>(convert: (text: T) => string, limit = 20_000): (text: T) => string {
  const seen = new Map<T, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size >= limit) seen.clear();
    const result = convert(text);
    seen.set(text, result);
    return result;
  };
}
