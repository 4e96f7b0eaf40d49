import type { Diagnostic } from "../../diagnostics.js";
import { HTTP_METHODS, isObject } from "../../load/json-helpers.js";
import type { Rule } from "../rule.js";

const PATH_ITEM_KEYS: ReadonlySet<string> = new Set<string>([
  ...HTTP_METHODS,
  "$ref",
  "summary",
  "description",
  "servers",
  "parameters",
]);

/** `paths` is a mapping of '/…' keys to path items whose operations are mappings with responses. */
export const pathsShape: Rule = ({ spec }) => {
  const paths = spec.data.paths;
  const out: Diagnostic[] = [];
  if (paths === undefined) return out;
  if (!isObject(paths)) {
    return [
      spec.diagnostic(["paths"], {
        severity: "error",
        rule: "paths-shape",
        message: "'paths' must be a mapping of URL paths to operations",
        hint: "write '/invites:' keys under 'paths:'",
      }),
    ];
  }
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/")) {
      out.push(
        spec.diagnostic(["paths", path], {
          severity: "error",
          rule: "paths-shape",
          message: `path '${path}' does not start with '/'`,
          hint: `write it as '/${path}'`,
        }),
      );
    }
    if (!isObject(item)) {
      out.push(
        spec.diagnostic(["paths", path], {
          severity: "error",
          rule: "paths-shape",
          message: `path '${path}' must be a mapping of HTTP methods to operations`,
          hint: "write 'get:', 'post:' … under the path",
        }),
      );
      continue;
    }
    for (const [key, op] of Object.entries(item)) {
      if (key.startsWith("x-")) continue;
      if (!PATH_ITEM_KEYS.has(key)) {
        const lower = key.toLowerCase();
        const hint = PATH_ITEM_KEYS.has(lower)
          ? `HTTP methods are lower case: write '${lower}:'`
          : `allowed here: ${[...PATH_ITEM_KEYS].join(", ")}`;
        out.push(
          spec.diagnostic(["paths", path, key], {
            severity: "error",
            rule: "paths-shape",
            message: `'${key}' is not an HTTP method or path item field`,
            hint,
          }),
        );
        continue;
      }
      if ((HTTP_METHODS as readonly string[]).includes(key) && !isObject(op)) {
        out.push(
          spec.diagnostic(["paths", path, key], {
            severity: "error",
            rule: "paths-shape",
            message: `${key.toUpperCase()} ${path} must be a mapping`,
            hint: "give the operation at least 'responses:'",
          }),
        );
      }
    }
  }
  return out;
};
