import type { OpenAPI3 } from "openapi-typescript";

// `any`: a document of any shape, read defensively.
type Json = Record<string, any>;

/**
 * Fills in a discriminator's `mapping` from its oneOf members' own one-value enums. Without a mapping
 * entry, OpenAPI takes a member's schema name as its discriminator value, and openapi-typescript
 * replaces the member's property with that name. Specs such as OpenAI's leave the mapping out and give
 * each member the value the server expects instead (`role: { type: string, enum: [user] }` in
 * `ChatCompletionRequestUserMessage`): typed by the rule, `{ role: "user" }` would not compile and the
 * only accepted value would be refused by the API. A member whose property is a one-value `enum` or a
 * `const` string is mapped from that value; members without one, and mappings the spec gives, are
 * left as they are. Runs on the types worker's own copy of the document, before openapi-typescript.
 */
export function inferDiscriminatorMappings(schema: OpenAPI3): void {
  const stack: unknown[] = [schema];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    if (!Array.isArray(node)) {
      const { discriminator, oneOf } = node as Json;
      if (typeof discriminator?.propertyName === "string" && Array.isArray(oneOf)) fill(schema, discriminator, oneOf);
    }
    // One at a time: spreading a long list into push() would overflow the call stack.
    for (const child of Object.values(node)) if (child && typeof child === "object") stack.push(child);
  }
}

function fill(schema: OpenAPI3, discriminator: Json, oneOf: Json[]): void {
  const mapped = new Set(Object.values((discriminator.mapping ?? {}) as Record<string, string>));
  for (const member of oneOf) {
    const ref = member?.$ref;
    if (typeof ref !== "string" || mapped.has(ref)) continue;
    const value = ownValue(schema, resolve(schema, ref), discriminator.propertyName);
    if (value === undefined || discriminator.mapping?.[value] !== undefined) continue;
    discriminator.mapping = { ...discriminator.mapping, [value]: ref };
  }
}

/** The one string the member's discriminator property may hold, directly or in an allOf part. */
function ownValue(
  schema: OpenAPI3,
  target: Json | undefined,
  name: string,
  seen = new Set<Json>(),
): string | undefined {
  if (!target || seen.has(target)) return undefined;
  seen.add(target);
  const property = resolve(schema, target.properties?.[name]);
  const only =
    property?.const ?? (Array.isArray(property?.enum) && property.enum.length === 1 ? property.enum[0] : undefined);
  if (typeof only === "string") return only;
  if (!Array.isArray(target.allOf)) return undefined;
  for (const part of target.allOf) {
    const found = ownValue(schema, resolve(schema, part), name, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A local `$ref` followed (one level, or the node itself); anything else gives undefined. */
function resolve(schema: OpenAPI3, node: Json | string | undefined): Json | undefined {
  const ref = typeof node === "string" ? node : node?.$ref;
  if (typeof ref !== "string") return typeof node === "object" ? node : undefined;
  if (!ref.startsWith("#/")) return undefined;
  let at: any = schema;
  for (const part of ref.slice(2).split("/")) at = at?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  return at && typeof at === "object" ? at : undefined;
}
