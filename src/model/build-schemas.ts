import type { PropertyModel, SchemaModel } from "./api-model.js";
import { copyDocs } from "./build-operation.js";
import { deref } from "../load/follow-ref.js";
import { isObject, type Json } from "../load/json-helpers.js";
import { schemaFacts, typeShape } from "./schema-facts.js";

/** Every component schema with what its model page shows: its shape and, for objects, its properties; and its alias from clientgen.yaml. */
export function buildSchemas(root: Json, aliases: Record<string, string>): SchemaModel[] {
  const components = isObject(root.components) ? root.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return Object.entries(schemas).map(([name, raw]) => {
    const { value } = deref(root, raw);
    const schema: SchemaModel = {
      name,
      facts: schemaFacts(root, value),
      properties: value ? schemaProperties(root, value) : [],
    };
    if (Object.hasOwn(aliases, name)) schema.alias = aliases[name]!;
    if (!value) return schema;
    copyDocs(schema, value);
    const example = "example" in value ? value.example : Array.isArray(value.examples) ? value.examples[0] : undefined;
    if (example !== undefined) schema.example = example;
    if (isObject(value.additionalProperties)) schema.additionalProperties = typeShape(root, value.additionalProperties);
    return schema;
  });
}

/**
 * Own properties and those of `allOf` parts (a part's properties come first, as the composed type
 * reads), required if any part requires them. Depth-limited, so cyclic `allOf` chains end.
 */
function schemaProperties(root: unknown, schema: Json, depth = 0): PropertyModel[] {
  const byName = new Map<string, PropertyModel>();
  const merge = (list: PropertyModel[]) => {
    for (const p of list) {
      const known = byName.get(p.name);
      byName.set(p.name, known ? { ...p, required: known.required || p.required } : p);
    }
  };
  if (Array.isArray(schema.allOf) && depth < 16) {
    for (const part of schema.allOf) {
      const { value } = deref(root, part);
      if (value) merge(schemaProperties(root, value, depth + 1));
    }
  }
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : [],
  );
  if (isObject(schema.properties))
    merge(Object.entries(schema.properties).map(([name, raw]) => property(root, name, raw, required.has(name))));
  return [...byName.values()];
}

function property(root: unknown, name: string, raw: unknown, required: boolean): PropertyModel {
  const facts = schemaFacts(root, raw);
  const p: PropertyModel = { name, required, schema: facts };
  if (facts.description) p.description = facts.description;
  if (facts.readOnly) p.readOnly = true;
  if (facts.writeOnly) p.writeOnly = true;
  if (facts.deprecated) p.deprecated = true;
  return p;
}
