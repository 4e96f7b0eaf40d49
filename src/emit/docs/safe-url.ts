const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
  nbsp: "\u00a0",
  sol: "/",
  lpar: "(",
  rpar: ")",
};

/** Numeric and the common named character references, as a browser would read them in an attribute or a Markdown link. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/**
 * A link target from a spec, ready for a Markdown `(destination)`, or undefined when it must not be a
 * link: only absolute http(s) and mailto URLs pass. Relative ones (`/developers/apps`, `#section`, as
 * GitHub's spec writes them) point into the site the spec was written for, never into these pages,
 * so they lose the link too. The scheme is judged after decoding entities and removing the
 * whitespace and control characters browsers ignore, so `java&#x09;script:` is caught.
 */
export function safeUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const url = decodeEntities(raw).trim();
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme === undefined || !["http", "https", "mailto"].includes(scheme)) return undefined;
  return url.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
