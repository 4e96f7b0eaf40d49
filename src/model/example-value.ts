import { deref } from "../load/follow-ref.js";
import { isObject, type Json } from "../load/json-helpers.js";
import { exampleFits, requiredNames } from "./example-fits.js";

const FORMAT_EXAMPLES: Record<string, string> = {
  email: "user@example.com",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  uri: "https://example.com",
  url: "https://example.com",
  hostname: "example.com",
  ipv4: "192.0.2.1",
};

/**
 * A plausible value for a schema, for examples in docs: the spec's own example first, else one built
 * from required properties, formats and enums. Depth-limited, so recursive schemas end.
 */
export function exampleValue(root: unknown, schema: unknown, depth = 0): unknown {
  const { value: s } = deref(root, schema);
  if (!s || depth > 6) return undefined;
  if ("example" in s && exampleFits(root, s, s.example)) return s.example;
  if (Array.isArray(s.examples) && s.examples.length && exampleFits(root, s, s.examples[0])) return s.examples[0];
  if ("default" in s) return s.default;
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v) => v !== null) ?? s.enum[0];
  // An object with its own properties and a oneOf of `required` lists is built from its properties.
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[key]) && s[key].length && !isObject(s.properties))
      return exampleValue(root, s[key][0], depth + 1);
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p) => exampleValue(root, p, depth + 1));
    return parts.every(isObject) ? Object.assign({}, ...parts) : parts.find((p) => p !== undefined);
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "object" || isObject(s.properties)) return objectExample(root, s, depth);
  if (type === "array") {
    const item = exampleValue(root, s.items, depth + 1);
    return item === undefined ? [] : [item];
  }
  if (type === "integer" || type === "number") return typeof s.minimum === "number" ? s.minimum : 1;
  if (type === "boolean") return true;
  if (type === "string") return FORMAT_EXAMPLES[String(s.format)] ?? "string";
  return undefined;
}

function objectExample(root: unknown, s: Json, depth: number): Record<string, unknown> {
  const properties = isObject(s.properties) ? s.properties : {};
  const variant = [s.oneOf, s.anyOf].find((v): v is unknown[] => Array.isArray(v) && v.length > 0)?.[0];
  const alsoRequired =
    isObject(variant) && Array.isArray(variant.required)
      ? variant.required.filter((r): r is string => typeof r === "string" && r in properties)
      : [];
  const required = [...new Set([...requiredNames(s), ...alsoRequired])];
  const keys = required.length ? required : Object.keys(properties).slice(0, 3);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = exampleValue(root, properties[key], depth + 1);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
