import type { Rule } from "../rule.js";

/** The document must be OpenAPI 3.0 or 3.1 (Swagger 2.0 is converted before this rule runs). */
export const openapiVersion: Rule = ({ spec }) => {
  const version = spec.data.openapi;
  if (typeof version === "string" && /^3\.[01]\.\d+/.test(version)) return [];
  const found = version === undefined ? "no 'openapi' field" : `openapi: ${JSON.stringify(version)}`;
  return [
    spec.diagnostic(version === undefined ? [] : ["openapi"], {
      severity: "error",
      rule: "openapi-version",
      message: `unsupported document: ${found}; clientgen reads OpenAPI 3.0 and 3.1`,
      hint: "start the file with 'openapi: 3.1.0' (Swagger 2.0 files are converted automatically when they say 'swagger: \"2.0\"')",
    }),
  ];
};
