import type { Rule } from "../rule.js";

/** The document must be OpenAPI 3.0 or 3.1. Swagger 2.0 gets a message that says how to convert it. */
export const openapiVersion: Rule = ({ spec }) => {
  const version = spec.data.openapi;
  if (typeof version === "string" && /^3\.[01]\.\d+/.test(version)) return [];
  const swagger = spec.data.swagger;
  if (version === undefined && swagger !== undefined) {
    return [
      spec.diagnostic(["swagger"], {
        severity: "error",
        rule: "openapi-version",
        message: `this is a Swagger ${JSON.stringify(swagger)} document; clientgen reads OpenAPI 3.0 and 3.1`,
        hint: `convert it to OpenAPI 3 first, for example 'npx swagger2openapi ${spec.root.file} -o openapi.yaml', and generate from the result`,
      }),
    ];
  }
  const found = version === undefined ? "no 'openapi' field" : `openapi: ${JSON.stringify(version)}`;
  return [
    spec.diagnostic(version === undefined ? [] : ["openapi"], {
      severity: "error",
      rule: "openapi-version",
      message: `unsupported document: ${found}; clientgen reads OpenAPI 3.0 and 3.1`,
      hint: "start the file with 'openapi: 3.1.0' (or 'openapi: 3.0.3')",
    }),
  ];
};
