import type { Diagnostic } from "../../diagnostics.js";
import type { Pointer } from "../../load/json-pointer.js";
import { eachOperation } from "../../load/each-operation.js";
import { isObject } from "../../load/json-helpers.js";
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
  for (const { operation, pointer } of eachOperation(spec.data))
    checkList(operation.security, [...pointer, "security"]);
  return out;
};
