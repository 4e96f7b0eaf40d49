import type { Diagnostic } from "../../diagnostics.js";
import { deref } from "../../load/follow-ref.js";
import { HTTP_METHODS, isObject } from "../../load/json-helpers.js";
import type { Rule } from "../rule.js";

/** Every `{name}` in a path has a path parameter, and every path parameter appears in the path. */
export const pathParams: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const paths = isObject(spec.data.paths) ? spec.data.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(spec.data, rawItem).value;
    if (!item) continue;
    const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const shared = declared(spec.data, item.parameters);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const names = new Set([...shared, ...declared(spec.data, op.parameters)]);
      for (const name of inTemplate) {
        if (names.has(name)) continue;
        out.push(
          spec.diagnostic(["paths", path, method], {
            severity: "error",
            rule: "path-param-missing",
            message: `${method.toUpperCase()} ${path} uses {${name}} but declares no path parameter '${name}'`,
            hint: `add to its parameters: { name: ${name}, in: path, required: true, schema: { type: string } }`,
          }),
        );
      }
      for (const name of names) {
        if (inTemplate.includes(name)) continue;
        out.push(
          spec.diagnostic(["paths", path, method], {
            severity: "error",
            rule: "path-param-unused",
            message: `${method.toUpperCase()} ${path} declares path parameter '${name}' that the path does not contain`,
            hint: `add {${name}} to the path, or change the parameter's 'in'`,
          }),
        );
      }
    }
  }
  return out;
};

function declared(root: unknown, list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const p = deref(root, raw).value;
    return p && p.in === "path" && typeof p.name === "string" ? [p.name] : [];
  });
}
