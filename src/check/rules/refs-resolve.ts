import type { Diagnostic } from "../../diagnostics.js";
import { decodePointer, getAt, type Pointer } from "../../load/bundle-refs.js";
import type { Rule } from "../rule.js";
import { malformedPercent } from "./percent-escapes.js";

/** Every local `$ref` points at something. External refs were already resolved (or reported) by load. */
export const refsResolve: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, boolean>();
  const resolves = (ref: string): boolean => {
    if (!ref.startsWith("#")) return false;
    let ok = seen.get(ref);
    if (ok === undefined) seen.set(ref, (ok = getAt(spec.data, decodePointer(ref.slice(1))) !== undefined));
    return ok;
  };
  const visit = (node: unknown, pointer: Pointer): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], [...pointer, i]);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === "string" && ref.startsWith("#") && malformedPercent(ref)) {
      out.push(spec.diagnostic([...pointer, "$ref"], { severity: "error", rule: "ref-unresolved", message: `$ref '${ref}' has a '%' that does not start a %XX escape`, hint: "write '%25' for a literal '%', or leave the '%' out" }));
    } else if (typeof ref === "string" && ref.startsWith("#")) {
      if (!resolves(ref)) out.push(spec.diagnostic([...pointer, "$ref"], { severity: "error", rule: "ref-unresolved", message: `$ref '${ref}' points at nothing`, hint: hintFor(ref, spec.data) }));
    }
    if (pointer[pointer.length - 1] === "discriminator" && obj.mapping !== null && typeof obj.mapping === "object") {
      for (const [value, target] of Object.entries(obj.mapping as Record<string, unknown>)) {
        if (!mappingTargetOk(target, resolves)) {
          out.push(spec.diagnostic([...pointer, "mapping", value], {
            severity: "error",
            rule: "ref-unresolved",
            message: `discriminator mapping '${value}' points at nothing: ${JSON.stringify(target)}`,
            hint: "map each value to a schema name under components.schemas, or to a reference such as '#/components/schemas/Cat'",
          }));
        }
      }
    }
    for (const key in obj) {
      const value = obj[key];
      if (value !== null && typeof value === "object") visit(value, [...pointer, key]);
    }
  };
  visit(spec.data, []);
  return out;
};

/** A mapping value is a local reference that resolves, or a reference to another file (checked by nobody here). */
function mappingTargetOk(target: unknown, resolves: (ref: string) => boolean): boolean {
  if (typeof target !== "string") return false;
  if (target.startsWith("#")) return !malformedPercent(target) && resolves(target);
  // Schema names that exist were already turned into references by load.
  return target.includes("#") || target.includes("/");
}

function hintFor(ref: string, root: unknown): string {
  const parts = decodePointer(ref.slice(1));
  const parent = getAt(root, parts.slice(0, -1));
  if (parent && typeof parent === "object") {
    const names = Object.keys(parent);
    const wanted = String(parts[parts.length - 1]).toLowerCase();
    const close = names.find((n) => n.toLowerCase() === wanted);
    if (close) return `names are case-sensitive: did you mean '#/${[...parts.slice(0, -1), close].join("/")}'?`;
    return `defined here: ${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""}`;
  }
  return "define the target, or fix the pointer (for example '#/components/schemas/Invite')";
}
