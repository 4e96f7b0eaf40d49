import { createRequire } from "node:module";
import type * as OpenapiTypescript from "openapi-typescript";
import type { DiscriminatorObject, GlobalContext, OpenAPI3 } from "openapi-typescript";

const { createRef, resolveRef } = createRequire(import.meta.url)("openapi-typescript/dist/lib/utils.cjs") as Pick<
  typeof OpenapiTypescript,
  "createRef" | "resolveRef"
>;

// `any`: a document of any shape, read with the very expressions openapi-typescript uses, so that it fails where they fail.
type Json = Record<string, any>;
type Path = (string | number)[];
type Discriminators = GlobalContext["discriminators"];

/**
 * What openapi-typescript's `scanDiscriminators` returns, with the same changes to the document
 * (each schema a discriminator maps to gets its enum property), made the same way: two passes over
 * every node in the same order, the same tests on each. Its own walk copies the path array at every
 * node of the document; on GitHub's spec that is most of the 150 ms the scan takes, and most of
 * its garbage. Here the path is one array, and a pointer is made of it only where a discriminator
 * or an `allOf` needs one. test/emit/scan-discriminators.test.ts compares the two, results and
 * documents, on fixtures and on generated documents; OPENAPI_TYPESCRIPT_VERSION pins the version.
 * Silent, as typesContext's options are: a mapping to a schema it cannot patch is skipped unsaid.
 */
export function scanDiscriminators(schema: OpenAPI3): Discriminators {
  const objects: Record<string, DiscriminatorObject> = {};
  const refsHandled: string[] = [];
  const patch = (ref: string, values: string[], discriminator: DiscriminatorObject): boolean =>
    patchEnum(resolveRef<Json>(schema, ref, { silent: true }), values, discriminator);
  walk(schema, [], (node, path) => {
    const discriminator = node.discriminator;
    if (!discriminator?.propertyName) return;
    const ref = createRef(path);
    objects[ref] = discriminator;
    if (!node.oneOf || !Array.isArray(node.oneOf)) return;
    for (const [mappedRef, { inferred, defined }] of Object.entries(mappedValues(node.oneOf, discriminator))) {
      if (refsHandled.includes(mappedRef) || (!inferred && !defined)) continue;
      if (patch(mappedRef, defined ?? [inferred!], discriminator)) refsHandled.push(mappedRef);
    }
  });
  walk(schema, [], (node, path) => {
    if (!Array.isArray(node.allOf)) return;
    for (const item of node.allOf) {
      if ("$ref" in item) {
        // A base that is not discriminated ends the look at this allOf, as openapi-typescript does.
        if (!objects[item.$ref]) return;
        const ref = createRef(path);
        const base = objects[item.$ref]!;
        if (base.mapping) {
          const values: string[] = [];
          for (const value in base.mapping) if (base.mapping[value] === ref) values.push(value);
          if (values.length > 0 && patch(ref, values, base)) refsHandled.push(ref);
        }
        objects[ref] = { ...objects[item.$ref] } as DiscriminatorObject;
      } else if (item.discriminator?.propertyName) {
        objects[createRef(path)] = { ...item.discriminator };
      }
    }
  });
  return { objects, refsHandled };
}

/** Pre-order over objects (arrays are passed through, not visited), keys in their order, read as the walk reaches them. */
function walk(node: unknown, path: Path, visit: (node: Json, path: Path) => void): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walk(node[i], path, visit);
      path.pop();
    }
    return;
  }
  visit(node as Json, path);
  for (const key of Object.keys(node)) {
    path.push(key);
    walk((node as Json)[key], path, visit);
    path.pop();
  }
}

/** For each `$ref` a oneOf names or the mapping maps to: the value inferred from its name, or the values mapped to it. */
function mappedValues(oneOf: Json[], discriminator: DiscriminatorObject): Json {
  const mapping: Json = {};
  for (const item of oneOf) {
    if ("$ref" in item) {
      const value = item.$ref.split("/").pop();
      if (value) {
        if (!mapping[item.$ref]) mapping[item.$ref] = { inferred: value };
        else mapping[item.$ref].inferred = value;
      }
    }
  }
  if (discriminator.mapping) {
    for (const value in discriminator.mapping) {
      const mappedRef = (discriminator.mapping as Json)[value];
      if (!mappedRef) continue;
      if (!mapping[mappedRef]?.defined) mapping[mappedRef] = { defined: [] };
      mapping[mappedRef].defined?.push(value);
    }
  }
  return mapping;
}

/** Gives the schema a mapping names (`target`, undefined when it names nothing) its discriminator property as an enum of `values`: through allOf, or among its properties. */
function patchEnum(target: Json | undefined, values: string[], discriminator: DiscriminatorObject): boolean {
  const name = discriminator.propertyName;
  if (target?.allOf) {
    target.allOf.push({ type: "object", required: [name], properties: { [name]: enumOf(values) } });
    return true;
  }
  if (typeof target === "object" && "type" in target && target.type === "object") {
    if (!target.properties) target.properties = {};
    if (!target.required) target.required = [name];
    else if (!target.required.includes(name)) target.required.push(name);
    target.properties[name] = enumOf(values, target.properties[name]);
    return true;
  }
  return false;
}

function enumOf(values: string[], previous?: Json): Json {
  return {
    type: "string",
    enum: values,
    description: previous?.description
      ? `${previous.description} (enum property replaced by openapi-typescript)`
      : "discriminator enum property added by openapi-typescript",
  };
}
