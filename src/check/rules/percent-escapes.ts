import type { Diagnostic } from "../../diagnostics.js";
import type { Rule } from "../rule.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** A `%` that does not start a `%XX` escape: openapi-typescript decodes paths and operationIds as URI parts and throws on one. */
export const malformedPercent = (s: string): boolean => {
  try {
    decodeURIComponent(s);
    return false;
  } catch {
    return true;
  }
};

/** Path templates and operationIds that openapi-typescript would fail to decode, reported where they are written. */
export const percentEscapes: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const paths = spec.data.paths;
  if (paths === null || typeof paths !== "object" || Array.isArray(paths)) return out;
  const hint = "write '%25' for a literal '%', or leave the '%' out";
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (malformedPercent(path)) out.push(spec.diagnostic(["paths", path], { severity: "error", rule: "percent-escape", message: `path '${path}' has a '%' that does not start a %XX escape`, hint }));
    if (item === null || typeof item !== "object") continue;
    for (const method of METHODS) {
      const id = (item as Record<string, { operationId?: unknown } | undefined>)[method]?.operationId;
      if (typeof id === "string" && malformedPercent(id)) {
        out.push(spec.diagnostic(["paths", path, method, "operationId"], { severity: "error", rule: "percent-escape", message: `operationId '${id}' has a '%' that does not start a %XX escape`, hint }));
      }
    }
  }
  return out;
};
