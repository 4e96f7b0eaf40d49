/**
 * Following `$ref`s inside one loaded document, for check and model alike. A pointer is decoded by
 * json-pointer.ts alone. Two readings, both here: `refTarget`/`deref` look a reference's pointer up
 * as written (what openapi-typescript and the model read), `resolveLocalRef` as Redocly's resolver
 * does (through a reference met on the way), for the structure walk that must agree with Redocly.
 */
import { rememberText } from "../text-memo.js";
import { isObject, type Json } from "./json-helpers.js";
import { decodePointer, getAt, malformedPercent } from "./json-pointer.js";

/** A `$ref` object (`{ $ref: "…" }`, other fields beside it allowed). */
export const isRef = (node: unknown): node is Json & { $ref: string } =>
  isObject(node) && typeof node.$ref === "string";

/**
 * What a local `$ref` points at, remembered per document: a document is not changed once loaded (the
 * check rules and the model only read it), and big specs follow the same few hundred refs tens of
 * thousands of times. Kept beside the document, so nothing outlives it.
 */
export function refTarget(root: unknown, ref: string): unknown {
  if (root === null || typeof root !== "object") return getAt(root, decodePointer(ref.slice(1)));
  let targets = refTargets.get(root);
  if (!targets) refTargets.set(root, (targets = new Map()));
  const known = targets.get(ref);
  if (known !== undefined || targets.has(ref)) return known;
  const target = getAt(root, decodePointer(ref.slice(1)));
  targets.set(ref, target);
  return target;
}

/** refTarget's memo, keyed by the document and the ref (its whole input: a loaded document is never changed). */
const refTargets = new WeakMap<object, Map<string, unknown>>();

/** Follows local `$ref`s (cycles stop at the last object seen). Returns the target and its component name. */
export function deref(root: unknown, node: unknown): { value: Json | undefined; ref?: string } {
  let current = node;
  let ref: string | undefined;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === "string"; hops++) {
    const target: string = current.$ref;
    if (!target.startsWith("#")) return { value: undefined };
    ref ??= componentName(target);
    current = refTarget(root, target);
  }
  return { value: isObject(current) ? current : undefined, ...(ref ? { ref } : {}) };
}

/** `#/components/schemas/Invite` → `Invite`; other refs → undefined. A memo keyed by the ref. */
export const componentName = rememberText((ref: string): string | undefined => {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return m ? (decodePointer(`/${m[1]}`)[0] as string) : undefined;
});

/** Memo of localRefs, keyed by the document (its whole input: a loaded document is never changed). */
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
 * broken `%` escape or through itself. The rules in check/rules/ report those.
 */
export function resolveLocalRef(root: unknown, ref: string): RefTarget | undefined {
  try {
    return follow(root, ref, []);
  } catch (err) {
    if (err instanceof ThroughItself) return undefined;
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
    throw err;
  }
}

function follow(root: unknown, ref: string, via: readonly string[]): RefTarget | undefined {
  if (!isLocal(ref)) return undefined;
  if (via.includes(ref)) throw new ThroughItself(ref);
  const inside = [...via, ref];
  const fragment = ref.split("#/")[1] ?? "";
  if (malformedPercent(fragment)) return undefined;
  let node: unknown = root;
  let place: string[] = [];
  // Redocly's reading drops empty segments (`#/a//b` is `#/a/b`).
  for (const segment of decodePointer(fragment).filter((s) => s !== "") as string[]) {
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
