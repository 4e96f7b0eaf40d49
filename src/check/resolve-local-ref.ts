import { isRef } from "../load/json-helpers.js";

/** Where a `$ref` leads: the node, and its place as pointer segments from the document's root. */
export interface RefTarget {
  node: unknown;
  place: string[];
}

class ThroughItself extends Error {}

/**
 * A `$ref` inside the document, followed as Redocly's resolver follows it: through a reference met
 * on the way (`#/components/schemas/Pet/properties/id` where `Pet` is itself a `$ref`) and along a
 * chain of references to the definition. `undefined` where it leads nowhere: into another file (load
 * has folded in every file it could read), to an anchor, to a place that does not exist, through a
 * broken `%` escape or through itself. The rules in rules/ report those.
 */
export function resolveLocalRef(root: unknown, ref: string): RefTarget | undefined {
  try {
    return follow(root, ref, []);
  } catch (err) {
    if (err instanceof ThroughItself || err instanceof URIError) return undefined;
    throw err;
  }
}

/** `#/a/b` where `a` is `$ref: '#/a/b/c'`: Redocly's resolver throws on such a reference, so the structure check steps aside. */
export function leadsThroughItself(root: unknown, ref: string): boolean {
  try {
    follow(root, ref, []);
    return false;
  } catch (err) {
    if (err instanceof ThroughItself) return true;
    if (err instanceof URIError) return false;
    throw err;
  }
}

function follow(root: unknown, ref: string, via: readonly string[]): RefTarget | undefined {
  if (!isLocal(ref)) return undefined;
  if (via.includes(ref)) throw new ThroughItself(ref);
  const inside = [...via, ref];
  let node: unknown = root;
  let place: string[] = [];
  for (const segment of pointerSegments(ref)) {
    if (node === null || typeof node !== "object") return undefined;
    const here = node as Record<string, unknown>;
    if (Object.hasOwn(here, segment) && here[segment] !== undefined) {
      node = here[segment];
      place.push(segment);
    } else if (isRef(node)) {
      const through = follow(root, node.$ref, inside);
      if (!through || through.node === null || typeof through.node !== "object") return undefined;
      const throughNode = through.node as Record<string, unknown>;
      node = Object.hasOwn(throughNode, segment) ? throughNode[segment] : undefined;
      place = [...through.place, segment];
    } else {
      return undefined;
    }
  }
  if (isRef(node)) return follow(root, node.$ref, inside);
  return node === undefined ? undefined : { node, place };
}

/** Into this document: what comes before `#/` is empty or `#` (so `""` and `#` are the whole document); an anchor (`#pet`) is not followed. */
const isLocal = (ref: string): boolean => {
  const uri = ref.split("#/")[0]!;
  return (uri === "" || uri === "#") && !/^#[A-Za-z][A-Za-z0-9\-_:.]*$/.test(ref);
};

/** `#/a~1b/c%20d` → `["a/b", "c d"]`: the part after `#/`, `~1` and `~0` first, then `%` escapes; empty segments dropped. */
function pointerSegments(ref: string): string[] {
  const pointer = ref.split("#/")[1] ?? "";
  return pointer
    .split("/")
    .map((s) => decodeURIComponent(s.replace(/~1/g, "/").replace(/~0/g, "~")))
    .filter((s) => s !== "");
}
