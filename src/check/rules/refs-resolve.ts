import type { Diagnostic } from "../../diagnostics.js";
import { decodePointer, getAt, malformedPercent, type Pointer } from "../../load/json-pointer.js";
import { leadsThroughItself, refTarget } from "../../load/follow-ref.js";
import type { Rule } from "../rule.js";

/** Every local `$ref` points at something. External refs were already resolved (or reported) by load. */
export const refsResolve: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const known = new Map<string, Status>();
  const status = (ref: string): Status => {
    let s = known.get(ref);
    if (s === undefined) known.set(ref, (s = statusOf(spec.data, ref)));
    return s;
  };
  const resolves = (ref: string): boolean => ref.startsWith("#") && status(ref) === "found";
  // One path, grown and shrunk as the walk goes: a document has hundreds of thousands of nodes and few findings.
  const path: Pointer = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visitChild(node[i], i);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === "string" && ref.startsWith("#")) {
      const s = status(ref);
      if (s === "escape")
        out.push(
          spec.diagnostic([...path, "$ref"], {
            severity: "error",
            rule: "ref-unresolved",
            message: `$ref '${ref}' has a '%' that does not start a %XX escape`,
            hint: "write '%25' for a literal '%', or leave the '%' out",
          }),
        );
      else if (s === "missing")
        out.push(
          spec.diagnostic([...path, "$ref"], {
            severity: "error",
            rule: "ref-unresolved",
            message: `$ref '${ref}' points at nothing`,
            hint: hintFor(ref, spec.data),
          }),
        );
      else if (s === "through itself")
        out.push(
          spec.diagnostic([...path, "$ref"], {
            severity: "error",
            rule: "ref-unresolved",
            message: `$ref '${ref}' leads through itself: on its way to the target it meets a $ref that leads back to it`,
            hint: "point the $ref that is on the way at the definition itself",
          }),
        );
    }
    if (path[path.length - 1] === "discriminator" && obj.mapping !== null && typeof obj.mapping === "object") {
      for (const [value, target] of Object.entries(obj.mapping as Record<string, unknown>)) {
        if (!mappingTargetOk(target, resolves)) {
          out.push(
            spec.diagnostic([...path, "mapping", value], {
              severity: "error",
              rule: "ref-unresolved",
              message: `discriminator mapping '${value}' points at nothing: ${JSON.stringify(target)}`,
              hint: "map each value to a schema name under components.schemas, or to a reference such as '#/components/schemas/Cat'",
            }),
          );
        }
      }
    }
    for (const key in obj) visitChild(obj[key], key);
  };
  const visitChild = (value: unknown, key: string | number): void => {
    if (value === null || typeof value !== "object") return;
    path.push(key);
    visit(value);
    path.pop();
  };
  visit(spec.data);
  return out;
};

type Status = "found" | "missing" | "escape" | "through itself";

/** Where a local reference leads: somewhere, nowhere, nowhere because of a broken `%` escape, or round through itself. */
function statusOf(root: unknown, ref: string): Status {
  if (malformedPercent(ref)) return "escape";
  if (refTarget(root, ref) !== undefined) return "found";
  return leadsThroughItself(root, ref) ? "through itself" : "missing";
}

/** A mapping value is a local reference that resolves, or a reference to another file (checked by nobody here). */
function mappingTargetOk(target: unknown, resolves: (ref: string) => boolean): boolean {
  if (typeof target !== "string") return false;
  if (target.startsWith("#")) return resolves(target);
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
