/** Reading the loaded JSON document: shared by the check rules and the model builder. */
import type { HttpMethod } from "../runtime/types.js";
import { rememberText } from "../text-memo.js";
import { decodePointer, getAt } from "./bundle-refs.js";

/** The operation keys of a path item, in the order OpenAPI lists them. */
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

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

/** A `$ref` object (`{ $ref: "…" }`, other fields beside it allowed). */
export const isRef = (node: unknown): node is Json & { $ref: string } =>
  isObject(node) && typeof node.$ref === "string";

/** `#/components/schemas/Invite` → `Invite`; other refs → undefined. A memo keyed by the ref. */
export const componentName = rememberText((ref: string): string | undefined => {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return m ? (decodePointer(`/${m[1]}`)[0] as string) : undefined;
});

export const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
