import type { Diagnostic } from "../../diagnostics.js";
import { decodePointer, getAt, type Pointer } from "../../load/bundle-refs.js";
import type { Rule } from "../rule.js";

/** Every local `$ref` points at something. External refs were already resolved (or reported) by load. */
export const refsResolve: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, boolean>();
  const visit = (node: unknown, pointer: Pointer): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], [...pointer, i]);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === "string" && ref.startsWith("#")) {
      let ok = seen.get(ref);
      if (ok === undefined) seen.set(ref, (ok = getAt(spec.data, decodePointer(ref.slice(1))) !== undefined));
      if (!ok) out.push(spec.diagnostic([...pointer, "$ref"], { severity: "error", rule: "ref-unresolved", message: `$ref '${ref}' points at nothing`, hint: hintFor(ref, spec.data) }));
    }
    for (const key in obj) {
      const value = obj[key];
      if (value !== null && typeof value === "object") visit(value, [...pointer, key]);
    }
  };
  visit(spec.data, []);
  return out;
};

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
