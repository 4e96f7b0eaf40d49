/** A place in a JSON document: keys and array indexes from its root. */
export type Pointer = (string | number)[];

/**
 * The pointer a `$ref` spells after its `#`: `/a~1b/c%20d` → `["a/b", "c d"]`, `%` escapes decoded
 * first, then `~1` and `~0` (RFC 6901 §6, a pointer in a URI fragment). A segment with a broken `%`
 * escape stays as written: it then names nothing, and `ref-unresolved` says why.
 */
export function decodePointer(fragment: string): Pointer {
  if (fragment === "" || fragment === "/") return [];
  return fragment
    .replace(/^\//, "")
    .split("/")
    .map((s) => decodeSegment(s).replace(/~1/g, "/").replace(/~0/g, "~"));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A key as one pointer segment: `a/b~c` → `a~1b~0c`. */
export const encodeSegment = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** A `%` that does not start a `%XX` escape (`decodeURIComponent` throws on it). */
export const malformedPercent = (s: string): boolean => {
  try {
    decodeURIComponent(s);
    return false;
  } catch {
    return true;
  }
};

/** The value at a pointer, undefined where the path leaves the document. */
export function getAt(root: unknown, pointer: Pointer): unknown {
  let node = root;
  for (const segment of pointer) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
