import type { Diagnostic } from "../../diagnostics.js";
import type { Pointer } from "../../load/json-pointer.js";
import { deref } from "../../load/follow-ref.js";
import { HTTP_METHODS, isObject } from "../../load/json-helpers.js";
import type { Rule } from "../rule.js";

/** Security requirements name schemes that exist under components.securitySchemes. */
export const securitySchemesKnown: Rule = ({ spec }) => {
  const out: Diagnostic[] = [];
  const components = isObject(spec.data.components) ? spec.data.components : {};
  const known = new Set(Object.keys(isObject(components.securitySchemes) ? components.securitySchemes : {}));
  const checkList = (list: unknown, at: Pointer) => {
    if (!Array.isArray(list)) return;
    list.forEach((alt, i) => {
      if (!isObject(alt)) return;
      for (const name of Object.keys(alt)) {
        if (known.has(name)) continue;
        out.push(
          spec.diagnostic([...at, i, name], {
            severity: "error",
            rule: "security-scheme-unknown",
            message: `security requirement names '${name}', which is not in components.securitySchemes`,
            hint: known.size
              ? `defined schemes: ${[...known].join(", ")}`
              : "define it under components.securitySchemes",
          }),
        );
      }
    });
  };
  checkList(spec.data.security, ["security"]);
  const paths = isObject(spec.data.paths) ? spec.data.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(spec.data, rawItem).value;
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (isObject(op)) checkList(op.security, ["paths", path, method, "security"]);
    }
  }
  return out;
};
