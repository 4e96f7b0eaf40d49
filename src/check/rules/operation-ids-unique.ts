import type { Diagnostic } from "../../diagnostics.js";
import type { Pointer } from "../../load/json-pointer.js";
import { deref } from "../../load/follow-ref.js";
import { HTTP_METHODS, isObject } from "../../load/json-helpers.js";
import type { Rule } from "../rule.js";

/** Two operations with one operationId cannot both get a function, a method and a type of that name. */
export const operationIdsUnique: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const first = new Map<string, Pointer>();
  const paths = isObject(spec.data.paths) ? spec.data.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(spec.data, rawItem).value;
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op) || typeof op.operationId !== "string") continue;
      const at: Pointer = ["paths", path, method, "operationId"];
      const earlier = first.get(op.operationId);
      if (!earlier) {
        first.set(op.operationId, at);
        continue;
      }
      const where = spec.diagnostic(earlier, { severity: "error", rule: "x", message: "" }).location;
      out.push(
        spec.diagnostic(at, {
          severity: "error",
          rule: "operation-id-duplicate",
          message: `operationId '${op.operationId}' is already used by ${String(earlier[2]).toUpperCase()} ${String(earlier[1])}${where ? ` (${where.file}:${where.line})` : ""}`,
          hint: "operationIds must be unique: rename one of them",
        }),
      );
    }
  }
  return out;
};
