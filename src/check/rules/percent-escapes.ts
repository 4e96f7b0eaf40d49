import type { Diagnostic } from "../../diagnostics.js";
import { HTTP_METHODS, isObject } from "../../load/json-helpers.js";
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
  for (const [path, item] of Object.entries(paths)) {
    if (malformedPercent(path))
      out.push(
        spec.diagnostic(["paths", path], {
          severity: "error",
          rule: "percent-escape",
          message: `path '${path}' has a '%' that does not start a %XX escape`,
          hint,
        }),
      );
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      const id = isObject(op) ? op.operationId : undefined;
      if (typeof id === "string" && malformedPercent(id)) {
        out.push(
          spec.diagnostic(["paths", path, method, "operationId"], {
            severity: "error",
            rule: "percent-escape",
            message: `operationId '${id}' has a '%' that does not start a %XX escape`,
            hint,
          }),
        );
      }
    }
  }
  return out;
};
