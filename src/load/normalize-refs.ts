import { decodePointer, getAt } from "./json-pointer.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Rewrites, in place, two spellings that are valid OpenAPI but that the tools after load read wrongly:
 * - a discriminator mapping to a schema name (`Cat: Cat`) becomes the reference it stands for
 *   (`#/components/schemas/Cat`), as the specification defines it;
 * - a `$ref` into `#/paths/…` is replaced by a copy of its target: openapi-typescript would make it an
 *   indexed type through optional members (`requestBody`, `parameters`), which does not type-check.
 * Targets that do not exist are left alone for the `ref-unresolved` check to report.
 */
export function normalizeRefs(data: Json, texts: readonly string[]): void {
  const pathRefs = texts.some((t) => t.includes("#/paths/"));
  const mappings = texts.some((t) => t.includes("mapping"));
  if (!pathRefs && !mappings) return;
  const components = isObject(data.components) ? data.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};

  const walk = (node: unknown, parentKey: string | undefined, stack: readonly string[]): unknown => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = walk(node[i], undefined, stack);
        if (item !== node[i]) node[i] = item;
      }
      return node;
    }
    if (!isObject(node)) return node;
    if (pathRefs && typeof node.$ref === "string" && node.$ref.startsWith("#/paths/") && !stack.includes(node.$ref)) {
      const target = getAt(data, decodePointer(node.$ref.slice(1)));
      if (target !== undefined) {
        const { $ref, ...siblings } = node;
        const copy = walk(structuredClone(target), undefined, [...stack, $ref as string]);
        return isObject(copy) && Object.keys(siblings).length > 0 ? { ...copy, ...siblings } : copy;
      }
    }
    if (mappings && parentKey === "discriminator" && isObject(node.mapping)) {
      for (const [value, target] of Object.entries(node.mapping)) {
        if (typeof target === "string" && !target.includes("#") && !target.includes("/") && target in schemas) {
          node.mapping[value] = `#/components/schemas/${target.replace(/~/g, "~0")}`;
        }
      }
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      // Only objects can change; a write to every key of a 13 MB document is time spent for nothing.
      if (value === null || typeof value !== "object") continue;
      const next = walk(value, key, stack);
      if (next !== value) node[key] = next;
    }
    return node;
  };
  walk(data, undefined, []);
}
