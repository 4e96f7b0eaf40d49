import type { Diagnostic } from "../../diagnostics.js";
import { eachOperation } from "../../load/each-operation.js";
import { deref } from "../../load/follow-ref.js";
import type { Rule } from "../rule.js";

/** Every `{name}` in a path has a path parameter, and every path parameter appears in the path. */
export const pathParams: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  for (const { path, method, pathItem, operation, pointer } of eachOperation(spec.data)) {
    const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const names = new Set([...declared(spec.data, pathItem.parameters), ...declared(spec.data, operation.parameters)]);
    for (const name of inTemplate) {
      if (names.has(name)) continue;
      out.push(
        spec.diagnostic(pointer, {
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
        spec.diagnostic(pointer, {
          severity: "error",
          rule: "path-param-unused",
          message: `${method.toUpperCase()} ${path} declares path parameter '${name}' that the path does not contain`,
          hint: `add {${name}} to the path, or change the parameter's 'in'`,
        }),
      );
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
