import type { Diagnostic } from "../../diagnostics.js";
import { decodePointer, type Pointer } from "../../load/json-pointer.js";
import { localRefs, refLoop } from "../../load/follow-ref.js";
import type { Rule } from "../rule.js";
import { isObject, type Json } from "../../load/json-helpers.js";

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/**
 * `$ref` cycles that no type can hold:
 * - a chain of references that only refers on (`A: {$ref: B}`, `B: {$ref: A}`), of any kind of object;
 * - a schema that contains itself with no object in between, through `$ref`, `allOf`/`anyOf`/`oneOf`
 *   or array `items`: openapi-typescript writes it as an indexed type that refers to itself
 *   (`A: components["schemas"]["A"][]`), which TypeScript rejects. Through `properties` or
 *   `additionalProperties` recursion is fine (a tree, a linked list) and is not reported.
 */
export const refCycles: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  const report = (members: string[], at: Pointer, message: string, hint: string) => {
    const key = [...members].sort().join("\0");
    if (reported.has(key)) return;
    reported.add(key);
    out.push(spec.diagnostic(at, { severity: "error", rule: "ref-cycle", message, hint }));
  };
  for (const ref of localRefs(spec.data)) {
    if (SCHEMA_REF.test(ref)) continue;
    const chain = refLoop(spec.data, ref);
    if (chain?.[0] === ref)
      report(
        chain,
        [...decodePointer(chain[0]!.slice(1)), "$ref"],
        `$ref '${chain[0]}' only refers on, in a circle: ${[...chain, chain[0]].join(" → ")}`,
        "point one of these references at a real definition",
      );
  }
  const schemas =
    isObject(spec.data.components) && isObject(spec.data.components.schemas) ? spec.data.components.schemas : {};
  for (const cycle of schemaCycles(schemas)) {
    report(
      cycle,
      ["components", "schemas", cycle[0]!],
      `schema '${cycle[0]}' contains itself with no object in between (${[...cycle, cycle[0]].join(" → ")}): no TypeScript type can hold it`,
      "break the circle with an object: put the recursive reference under 'properties' (for example 'children: { type: array, items: { $ref: … } }')",
    );
  }
  return out;
};

/** Names of schemas `schema` reaches without passing through an object's members. */
function transparentRefs(schema: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(schema)) {
    schema.forEach((s) => transparentRefs(s, out));
    return out;
  }
  if (!isObject(schema)) return out;
  const m = typeof schema.$ref === "string" ? SCHEMA_REF.exec(schema.$ref) : null;
  if (m) out.add(decodePointer(`/${m[1]}`)[0] as string);
  for (const key of ["allOf", "anyOf", "oneOf", "items", "prefixItems"]) transparentRefs(schema[key], out);
  return out;
}

/** Each elementary circle among component schemas, found by depth-first search, starting from spec order. */
function schemaCycles(schemas: Json): string[][] {
  const edges = new Map<string, string[]>();
  for (const [name, schema] of Object.entries(schemas))
    edges.set(
      name,
      [...transparentRefs(schema, new Set())].filter((t) => t in schemas),
    );
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (name: string): void => {
    state.set(name, "open");
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      if (state.get(next) === "open") cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(name, "done");
  };
  for (const name of edges.keys()) if (!state.has(name)) visit(name);
  return cycles;
}
