import type { Diagnostic } from "../../diagnostics.js";
import { eachOperation } from "../../load/each-operation.js";
import { isObject } from "../../load/json-helpers.js";
import { malformedPercent } from "../../load/json-pointer.js";
import type { Rule } from "../rule.js";

/**
 * Path templates and operationIds that openapi-typescript would fail to decode (it reads them as URI
 * parts and throws on a `%` that starts no `%XX` escape), reported where they are written.
 */
export const percentEscapes: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const paths = spec.data.paths;
  if (!isObject(paths)) return out;
  const hint = "write '%25' for a literal '%', or leave the '%' out";
  for (const path of Object.keys(paths)) {
    if (malformedPercent(path))
      out.push(
        spec.diagnostic(["paths", path], {
          severity: "error",
          rule: "percent-escape",
          message: `path '${path}' has a '%' that does not start a %XX escape`,
          hint,
        }),
      );
  }
  for (const { operation, pointer } of eachOperation(spec.data)) {
    const id = operation.operationId;
    if (typeof id === "string" && malformedPercent(id))
      out.push(
        spec.diagnostic([...pointer, "operationId"], {
          severity: "error",
          rule: "percent-escape",
          message: `operationId '${id}' has a '%' that does not start a %XX escape`,
          hint,
        }),
      );
  }
  return out;
};
