/**
 * The fields of object schemas, read through `$ref` and `allOf`, for check and model alike: the model
 * types body fields and recognises list envelopes by them, the check compares clientgen.yaml's field
 * names with them.
 */
import { deref } from "./follow-ref.js";
import { isObject, type Json } from "./json-helpers.js";

export interface ObjectShape {
  /** Raw property schemas by name, own first, then those of `allOf` parts, in spec order. */
  properties: Map<string, unknown>;
  required: Set<string>;
}

/** Properties and required names of an object schema, following `$ref` and `allOf`; undefined when it is not clearly an object. */
export function objectShape(root: unknown, schema: unknown, depth = 0): ObjectShape | undefined {
  const { value } = deref(root, schema);
  if (!value || depth > 16) return undefined;
  const shape: ObjectShape = { properties: new Map(), required: new Set() };
  let objectLike = value.type === "object" || isObject(value.properties);
  if (isObject(value.properties)) for (const [k, v] of Object.entries(value.properties)) shape.properties.set(k, v);
  if (Array.isArray(value.required)) for (const r of value.required) if (typeof r === "string") shape.required.add(r);
  if (Array.isArray(value.allOf)) {
    for (const part of value.allOf as Json[]) {
      const inner = objectShape(root, part, depth + 1);
      if (!inner) return undefined;
      objectLike = true;
      for (const [k, v] of inner.properties) if (!shape.properties.has(k)) shape.properties.set(k, v);
      for (const r of inner.required) shape.required.add(r);
    }
  }
  if (Array.isArray(value.oneOf) || Array.isArray(value.anyOf)) return undefined;
  if (Array.isArray(value.type) && !value.type.every((t) => t === "object")) return undefined;
  return objectLike && shape.properties.size > 0 ? shape : undefined;
}

/** The item schema of an array schema (through `$ref` and single-part `allOf`); undefined when it is not clearly an array. */
export function arrayItems(root: unknown, schema: unknown, depth = 0): unknown {
  const { value } = deref(root, schema);
  if (!value || depth > 16) return undefined;
  if (Array.isArray(value.allOf) && value.allOf.length === 1) return arrayItems(root, value.allOf[0], depth + 1);
  const isArray = value.type === "array" || (Array.isArray(value.type) && value.type.includes("array"));
  return isArray || value.items !== undefined ? value.items : undefined;
}

/** Dotted paths of an object's fields and of its nested objects' fields, down to `levels` (`paging`, `paging.next`, `paging.next.after`). */
export function fieldPaths(root: unknown, schema: unknown, levels = 3): string[] {
  const shape = levels > 0 ? objectShape(root, schema) : undefined;
  if (!shape) return [];
  const out: string[] = [];
  for (const [name, raw] of shape.properties) {
    out.push(name);
    for (const inner of fieldPaths(root, raw, levels - 1)) out.push(`${name}.${inner}`);
  }
  return out;
}

/** What a dotted path names in a schema: its schema, the first segment that is missing (with the fields there), or unknown where the schema does not say. */
export type PathLookup = { found: unknown } | { missing: string; at: string; fields: string[] } | { unknown: true };

export function schemaAtPath(root: unknown, schema: unknown, path: string): PathLookup {
  let current = schema;
  const seen: string[] = [];
  for (const segment of path.split(".")) {
    const shape = objectShape(root, current);
    if (!shape) return { unknown: true };
    if (!shape.properties.has(segment))
      return { missing: segment, at: seen.join("."), fields: [...shape.properties.keys()] };
    current = shape.properties.get(segment);
    seen.push(segment);
  }
  return { found: current };
}
