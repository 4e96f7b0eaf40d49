import type { SchemaFacts } from "./api-model.js";
import { deref, isObject, str, type Json } from "../load/json-helpers.js";

/** What docs and naming need to know about a schema, without converting it to a type. */
export function schemaFacts(root: unknown, schema: unknown): SchemaFacts {
  const { value, ref } = deref(root, schema);
  if (!value) return ref ? { ref } : {};
  const facts: SchemaFacts = {};
  if (ref) facts.ref = ref;
  const type = Array.isArray(value.type) ? value.type.filter((t) => t !== "null").join(" | ") : str(value.type);
  if (type) facts.type = type;
  if (value.nullable === true || (Array.isArray(value.type) && value.type.includes("null"))) facts.nullable = true;
  if (str(value.format)) facts.format = value.format as string;
  if (Array.isArray(value.enum)) facts.enum = value.enum;
  if ("default" in value) facts.default = value.default;
  const example = "example" in value ? value.example : Array.isArray(value.examples) ? value.examples[0] : undefined;
  if (example !== undefined) facts.example = example;
  return facts;
}

/** Property names of an object schema, following `$ref` and `allOf`; undefined when it is not clearly an object. */
export function objectProperties(root: unknown, schema: unknown, depth = 0): string[] | undefined {
  const { value } = deref(root, schema);
  if (!value || depth > 16) return undefined;
  const names = new Set<string>();
  let objectLike = value.type === "object" || isObject(value.properties);
  if (isObject(value.properties)) for (const k of Object.keys(value.properties)) names.add(k);
  if (Array.isArray(value.allOf)) {
    for (const part of value.allOf as Json[]) {
      const inner = objectProperties(root, part, depth + 1);
      if (!inner) return undefined;
      objectLike = true;
      for (const k of inner) names.add(k);
    }
  }
  if (Array.isArray(value.oneOf) || Array.isArray(value.anyOf)) return undefined;
  if (Array.isArray(value.type) && !value.type.every((t) => t === "object")) return undefined;
  return objectLike && names.size > 0 ? [...names] : undefined;
}
