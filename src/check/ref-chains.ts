import { isObject, refTarget, type Json } from "../load/json-helpers.js";

/** Memo of collectLocalRefs, keyed by the document (its whole input: a loaded document is never changed). */
const found = new WeakMap<object, ReadonlySet<string>>();

/** Every distinct local `$ref` string in the document, in document order (found once per document: several checks ask). */
export function localRefs(root: unknown): ReadonlySet<string> {
  if (root === null || typeof root !== "object") return new Set();
  let refs = found.get(root);
  if (!refs) found.set(root, (refs = collectLocalRefs(root)));
  return refs;
}

function collectLocalRefs(root: object): Set<string> {
  const refs = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (typeof node.$ref === "string" && node.$ref.startsWith("#")) refs.add(node.$ref);
      for (const key in node) if (node[key] !== null && typeof node[key] === "object") visit(node[key]);
    }
  };
  visit(root);
  return refs;
}

/**
 * Follows `start` while each target is itself only a reference. Returns the circle it falls into
 * (from the first reference that repeats), or undefined when the chain ends at a real definition.
 */
export function refLoop(root: unknown, start: string): string[] | undefined {
  const chain: string[] = [];
  let ref: string | undefined = start;
  while (ref !== undefined) {
    const at = chain.indexOf(ref);
    if (at >= 0) return chain.slice(at);
    chain.push(ref);
    const target = refTarget(root, ref);
    ref = isObject(target) && typeof target.$ref === "string" && target.$ref.startsWith("#") ? target.$ref : undefined;
  }
  return undefined;
}
