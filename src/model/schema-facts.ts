import type { FieldModel, SchemaFacts, TypeShape } from "./api-model.js";
import { componentName, deref } from "../load/follow-ref.js";
import { isObject, str, type Json } from "../load/json-helpers.js";
import { objectShape } from "../load/object-shape.js";

/** What docs and naming need to know about a schema, without converting it to a type. */
export function schemaFacts(root: unknown, schema: unknown, depth = 0): SchemaFacts {
  const { value: raw, ref } = deref(root, schema);
  const shape = typeShape(root, schema);
  if (!raw) return ref ? { ref, shape } : { shape };
  const value = withAllOfFacts(root, raw);
  const facts: SchemaFacts = { shape };
  if (ref) facts.ref = ref;
  const type = Array.isArray(value.type) ? value.type.filter((t) => t !== "null").join(" | ") : str(value.type);
  if (type) facts.type = type;
  if (value.nullable === true || (Array.isArray(value.type) && value.type.includes("null"))) facts.nullable = true;
  if (str(value.format)) facts.format = value.format as string;
  if (str(value.contentMediaType) && value.contentEncoding === undefined)
    facts.contentMediaType = value.contentMediaType as string;
  if (Array.isArray(value.enum)) facts.enum = value.enum;
  else if ("const" in value) facts.enum = [value.const];
  if ("default" in value) facts.default = value.default;
  const example = "example" in value ? value.example : Array.isArray(value.examples) ? value.examples[0] : undefined;
  if (example !== undefined) facts.example = example;
  copyFlags(facts, isObject(schema) ? schema : {}, value, ref !== undefined);
  // Item facts one level down are enough to convert `ids=a ids=b`; deeper values are given as JSON.
  if (type === "array" && value.items !== undefined && depth < 1)
    facts.items = schemaFacts(root, value.items, depth + 1);
  return facts;
}

/** The keys that decide how a value is converted and checked, which `allOf` parts lend to a schema that lacks them. */
const VALUE_KEYS = ["type", "format", "enum", "const", "default", "nullable", "items", "example", "examples"];

/**
 * A schema with the value keys of its `allOf` parts (followed through `$ref`, nested `allOf` too) where it
 * has none of its own: `{ allOf: [{ $ref: Flag }], description }` is how 3.0 specs put a description
 * beside a reference, and its values are still booleans. The first part that has a key gives it.
 */
function withAllOfFacts(root: unknown, value: Json, depth = 0): Json {
  if (!Array.isArray(value.allOf) || depth > 16) return value;
  const merged: Json = { ...value };
  for (const part of value.allOf) {
    const target = deref(root, part).value;
    if (!target) continue;
    const flat = withAllOfFacts(root, target, depth + 1);
    for (const key of VALUE_KEYS) if (!(key in merged) && key in flat) merged[key] = flat[key];
  }
  return merged;
}

/**
 * Flags and description written next to a `$ref` (3.1) win over the target's; a referenced model's own
 * description belongs on its page, so it is not copied onto every place that refers to it.
 */
function copyFlags(facts: SchemaFacts, own: Json, target: Json, viaRef: boolean): void {
  const pick = (key: string) => (key in own ? own[key] : viaRef ? undefined : target[key]);
  const description = str(pick("description"));
  if (description) facts.description = description;
  if (pick("readOnly") === true || target.readOnly === true) facts.readOnly = true;
  if (pick("writeOnly") === true || target.writeOnly === true) facts.writeOnly = true;
  if (pick("deprecated") === true) facts.deprecated = true;
}

const PRIMITIVE_TYPES: ReadonlySet<string> = new Set(["string", "integer", "number", "boolean", "null"]);
type Primitive = Extract<TypeShape, { kind: "primitive" }>["type"];

/** The shape of a schema for docs: component refs stay refs, so each is one link; depth-limited for recursive inline schemas. */
export function typeShape(root: unknown, schema: unknown, depth = 0): TypeShape {
  if (isObject(schema) && typeof schema.$ref === "string") {
    const name = componentName(schema.$ref);
    if (name !== undefined) return { kind: "ref", name };
  }
  const { value } = deref(root, schema);
  if (!value || depth > 8) return { kind: "unknown" };
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(value[key]) && value[key].length)
      return union(value[key].map((v) => typeShape(root, v, depth + 1)));
  }
  if (Array.isArray(value.allOf) && value.allOf.length) {
    const parts = value.allOf.map((v) => typeShape(root, v, depth + 1));
    return parts.length === 1 ? parts[0]! : { kind: "intersection", variants: parts };
  }
  const types = Array.isArray(value.type)
    ? value.type.filter((t): t is string => typeof t === "string")
    : typeof value.type === "string"
      ? [value.type]
      : [];
  const nonNull = types.filter((t) => t !== "null");
  if (nonNull.length > 1) return union(nonNull.map((t) => typeShape(root, { ...value, type: t }, depth + 1)));
  const type = nonNull[0] ?? (isObject(value.properties) ? "object" : value.items ? "array" : enumType(value));
  if (type === "array")
    return {
      kind: "array",
      items: value.items === undefined ? { kind: "unknown" } : typeShape(root, value.items, depth + 1),
    };
  if (type === "object") {
    if (!isObject(value.properties) && isObject(value.additionalProperties))
      return { kind: "map", values: typeShape(root, value.additionalProperties, depth + 1) };
    return { kind: "object" };
  }
  if (type && PRIMITIVE_TYPES.has(type))
    return str(value.format)
      ? { kind: "primitive", type: type as Primitive, format: value.format as string }
      : { kind: "primitive", type: type as Primitive };
  return types.includes("null") ? { kind: "primitive", type: "null" } : { kind: "unknown" };
}

const union = (variants: TypeShape[]): TypeShape =>
  variants.length === 1 ? variants[0]! : { kind: "union", variants };

/** An untyped `enum`/`const` still says what its values are. */
function enumType(value: Json): string | undefined {
  const values = Array.isArray(value.enum) ? value.enum : "const" in value ? [value.const] : [];
  const kinds = new Set(
    values
      .filter((v) => v !== null)
      .map((v) => (typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v)),
  );
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/**
 * Properties an object schema gives a `default` without listing them as required, following `$ref` and
 * `allOf`. As openapi-typescript judges it: by the `default` written on the property itself.
 */
export function defaultedProperties(root: unknown, schema: unknown): string[] {
  const shape = objectShape(root, schema);
  if (!shape) return [];
  return [...shape.properties]
    .filter(([k, v]) => !shape.required.has(k) && isObject(v) && v.default !== undefined)
    .map(([k]) => k);
}

/** Property names of an object schema, following `$ref` and `allOf`; undefined when it is not clearly an object. */
export function objectProperties(root: unknown, schema: unknown): string[] | undefined {
  const shape = objectShape(root, schema);
  return shape && [...shape.properties.keys()];
}

/** Whether an object schema (or one of its `allOf` parts) takes properties it does not list: `additionalProperties` given and not `false`. */
export function allowsOtherProperties(root: unknown, schema: unknown, depth = 0): boolean {
  const { value } = deref(root, schema);
  if (!value || depth > 16) return false;
  if (value.additionalProperties !== undefined && value.additionalProperties !== false) return true;
  return Array.isArray(value.allOf) && value.allOf.some((part) => allowsOtherProperties(root, part, depth + 1));
}

/** Property names of an object schema whose values are arrays (`data`, `invites`): what marks a list of items. */
export function arrayProperties(root: unknown, schema: unknown): string[] {
  const shape = objectShape(root, schema);
  if (!shape) return [];
  return [...shape.properties]
    .filter(([, raw]) => {
      const { value } = deref(root, raw);
      return !!value && (value.type === "array" || (Array.isArray(value.type) && value.type.includes("array")));
    })
    .map(([name]) => name);
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
