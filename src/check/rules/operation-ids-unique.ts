import type { Diagnostic } from "../../diagnostics.js";
import type { Pointer } from "../../load/json-pointer.js";
import { eachOperation } from "../../load/each-operation.js";
import type { Rule } from "../rule.js";

/** Two operations with one operationId cannot both get a function, a method and a type of that name. */
export const operationIdsUnique: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const first = new Map<string, Pointer>();
  for (const { operation, key, pointer } of eachOperation(spec.data)) {
    // A blank operationId is none: the operation is keyed by its method and path.
    if (key !== operation.operationId) continue;
    const at: Pointer = [...pointer, "operationId"];
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, at);
      continue;
    }
    const where = spec.diagnostic(earlier, { severity: "error", rule: "x", message: "" }).location;
    out.push(
      spec.diagnostic(at, {
        severity: "error",
        rule: "operation-id-duplicate",
        message: `operationId '${key}' is already used by ${String(earlier[2]).toUpperCase()} ${String(earlier[1])}${where ? ` (${where.file}:${where.line})` : ""}`,
        hint: "operationIds must be unique: rename one of them",
      }),
    );
  }
  return out;
};
