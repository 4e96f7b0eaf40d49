import type { FieldModel, SchemaFacts } from "./api-model.js";
import { deref, isObject, str, type Json } from "../load/json-helpers.js";

/** What docs, naming and the command line need to know about a schema, without converting it to a type. */
export function schemaFacts(root: unknown, schema: unknown, depth = 0): SchemaFacts {
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
  // Item facts one level down are enough to convert `ids=a ids=b`; deeper values are given as JSON.
  if (type === "array" && value.items !== undefined && depth < 1) facts.items = schemaFacts(root, value.items, depth + 1);
  return facts;
}

interface ObjectShape {
  properties: Map<string, unknown>;
  required: Set<string>;
}

/** Properties (raw schemas) and required names of an object schema, following `$ref` and `allOf`; undefined when it is not clearly an object. */
function objectShape(root: unknown, schema: unknown, depth = 0): ObjectShape | undefined {
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

/** Property names of an object schema, following `$ref` and `allOf`; undefined when it is not clearly an object. */
export function objectProperties(root: unknown, schema: unknown): string[] | undefined {
  const shape = objectShape(root, schema);
  return shape && [...shape.properties.keys()];
}

/** The properties of an object schema with their facts, docs and whether they are required; undefined when it is not clearly an object. */
export function objectFields(root: unknown, schema: unknown): FieldModel[] | undefined {
  const shape = objectShape(root, schema);
  if (!shape) return undefined;
  return [...shape.properties].map(([name, raw]) => {
    const field: FieldModel = { name, required: shape.required.has(name), schema: schemaFacts(root, raw) };
    const { value } = deref(root, raw);
    if (value) {
      const description = str(value.description) ?? str(value.title);
      if (description) field.description = description;
      if (value.deprecated === true) field.deprecated = true;
      if (value.readOnly === true) field.readOnly = true;
    }
    return field;
  });
}
