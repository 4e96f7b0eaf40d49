import { decodePointer, encodeSegment, type Pointer } from "./json-pointer.js";
import { isObject, type Json } from "./json-helpers.js";

const CONTAINERS = ["$defs", "definitions"] as const;
const SCHEMAS_PREFIX = "#/components/schemas/";

/**
 * Moves the `$defs` and `definitions` of each component schema (JSON Schema's place for helper schemas,
 * common in 3.1 specs converted from JSON Schema) up to `components/schemas` as `<Schema>_<key>`, and
 * points every `$ref` into them at the new name. openapi-typescript would otherwise write a ref to one
 * as `components["schemas"]["Account"]["definitions"]["accountId"]`, a member that its own type does not
 * have, and a `$defs` block as a required property of the object, which the data never carries.
 * Rewrites `data` in place; returns each new schema's name → the pointer it was moved from.
 */
export function hoistDefinitions(data: Json): Map<string, Pointer> {
  const moved = new Map<string, Pointer>();
  const components = isObject(data.components) ? data.components : undefined;
  const schemas = components && isObject(components.schemas) ? components.schemas : undefined;
  if (!schemas) return moved;
  const renamed = new Map<string, string>();
  const queue: [string, Pointer][] = Object.keys(schemas).map((name) => [name, ["components", "schemas", name]]);
  for (let i = 0; i < queue.length; i++) {
    const [name, from] = queue[i]!;
    const schema = schemas[name];
    if (!isObject(schema)) continue;
    for (const container of Object.keys(schema)) {
      const defs = schema[container];
      if (!CONTAINERS.includes(container as (typeof CONTAINERS)[number]) || !isObject(defs)) continue;
      for (const [key, value] of Object.entries(defs)) {
        const unique = freeName(schemas, `${name}_${key.replace(/[^A-Za-z0-9._-]+/g, "_")}`);
        schemas[unique] = value;
        const origin = [...from, container, key];
        moved.set(unique, origin);
        renamed.set(origin.join("\0"), `${SCHEMAS_PREFIX}${encodeSegment(unique)}`);
        queue.push([unique, origin]);
      }
      delete schema[container];
    }
  }
  if (renamed.size > 0) rewriteRefs(data, renamed);
  return moved;
}

function freeName(schemas: Json, name: string): string {
  let unique = name;
  for (let n = 2; unique in schemas; n++) unique = `${name}${n}`;
  return unique;
}

/** Points each `$ref` at a moved schema (or inside one) at its new place; the longest moved prefix wins. */
function rewriteRefs(node: unknown, renamed: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteRefs(item, renamed);
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === "string" && node.$ref.startsWith(SCHEMAS_PREFIX)) {
    const pointer = decodePointer(node.$ref.slice(1)).map(String);
    for (let end = pointer.length; end > 4; end--) {
      const target = renamed.get(pointer.slice(0, end).join("\0"));
      if (!target) continue;
      node.$ref = [target, ...pointer.slice(end).map(encodeSegment)].join("/");
      break;
    }
  }
  for (const value of Object.values(node)) if (value !== null && typeof value === "object") rewriteRefs(value, renamed);
}
