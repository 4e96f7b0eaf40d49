import { isObject } from "../../load/json-helpers.js";
import type { Rule } from "../rule.js";

export const infoRequired: Rule = ({ spec }) => {
  const info = spec.data.info;
  if (!isObject(info)) {
    return [
      spec.diagnostic([], {
        severity: "error",
        rule: "info-required",
        message: "the document has no 'info' section",
        hint: "add 'info:' with 'title:' and 'version:'",
      }),
    ];
  }
  return (["title", "version"] as const)
    .filter((key) => typeof info[key] !== "string" || info[key] === "")
    .map((key) =>
      info[key] === undefined || info[key] === ""
        ? spec.diagnostic(["info"], {
            severity: "error",
            rule: "info-required",
            message: `info.${key} is missing`,
            hint: `add '${key}:' under 'info:' (the ${key} names the generated package)`,
          })
        : spec.diagnostic(["info", key], {
            severity: "error",
            rule: "info-required",
            message: `info.${key} must be text, not ${Array.isArray(info[key]) ? "a list" : typeof info[key] === "object" ? "a mapping" : `${typeof info[key]} ${JSON.stringify(info[key])}`}`,
            hint: `quote it (${key}: "…") so YAML keeps it as written`,
          }),
    );
};
