import { deref } from "../load/follow-ref.js";
import { isObject, type Json } from "../load/json-helpers.js";

/**
 * Whether a spec's example has the shape of its schema, as the generated types see it: required
 * properties present, no property the schema does not list (object types are closed unless
 * `additionalProperties` opens them), primitives of the right type, enum members. Specs' examples
 * drift from their schemas (GitHub's have missing required fields and ids as strings), and docs
 * print examples as code that must compile. Depth-limited: deep values are given the benefit of the doubt.
 */
export function exampleFits(root: unknown, schema: unknown, value: unknown, depth = 0): boolean {
  const { value: s } = deref(root, schema);
  if (!s || depth > 12) return true;
  if (value === null)
    return (
      s.nullable === true ||
      (Array.isArray(s.type) && s.type.includes("null")) ||
      (Array.isArray(s.enum) && s.enum.includes(null))
    );
  if (Array.isArray(s.enum)) return s.enum.some((e) => e === value);
  if ("const" in s) return s.const === value;
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[key]) && !s[key].some((v) => exampleFits(root, v, value, depth + 1))) return false;
  }
  const types = Array.isArray(s.type) ? s.type : typeof s.type === "string" ? [s.type] : [];
  if (types.length && !types.some((t) => typeFits(t, value))) return false;
  if (Array.isArray(value))
    return s.items === undefined || value.every((v) => exampleFits(root, s.items, v, depth + 1));
  return isObject(value) ? objectFits(root, s, value, depth) : true;
}

function typeFits(type: unknown, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    default:
      return true;
  }
}

/** Properties, required names and openness of an object schema, its `allOf` parts merged. */
function objectShape(
  root: unknown,
  s: Json,
  depth: number,
): { properties: Json; required: Set<string>; open: boolean } {
  const shape = {
    properties: { ...(isObject(s.properties) ? s.properties : {}) },
    required: new Set<string>(),
    open: !!s.additionalProperties,
  };
  for (const r of requiredNames(s)) shape.required.add(r);
  // A schema that says nothing of its properties (or composes with oneOf/anyOf) is not judged here.
  if (!isObject(s.properties) && !Array.isArray(s.allOf)) shape.open = true;
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) shape.open = true;
  for (const part of Array.isArray(s.allOf) && depth < 12 ? s.allOf : []) {
    const { value } = deref(root, part);
    if (!value) continue;
    const inner = objectShape(root, value, depth + 1);
    Object.assign(shape.properties, inner.properties);
    for (const r of inner.required) shape.required.add(r);
    shape.open ||= inner.open && !isObject(value.properties);
  }
  return shape;
}

function objectFits(root: unknown, s: Json, value: Json, depth: number): boolean {
  const { properties, required, open } = objectShape(root, s, depth);
  for (const name of required) if (!(name in value)) return false;
  return Object.entries(value).every(([k, v]) =>
    k in properties ? exampleFits(root, properties[k], v, depth + 1) : open,
  );
}

/**
 * The properties the generated types require: the listed ones. One with a `default` is optional, as a
 * request may leave it out (emit-types.ts runs openapi-typescript without `defaultNonNullable`).
 */
export function requiredNames(s: Json): string[] {
  return Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : [];
}
