import type { Rule } from "../rule.js";

/**
 * The document must be OpenAPI 3.0 or 3.1 (Swagger 2.0 was converted by load before this runs).
 * Swagger 1.x has no converter worth trusting: it is refused with a message that says what to do.
 */
export const openapiVersion: Rule = ({ spec }) => {
  const { openapi: version, swagger, swaggerVersion } = spec.data;
  if (typeof version === "string" && /^3\.[01]\.\d+/.test(version)) return [];
  const refuse = (at: string[], message: string, hint: string) => [
    spec.diagnostic(at, { severity: "error", rule: "openapi-version", message, hint }),
  ];
  if (version === undefined && swaggerVersion !== undefined) {
    return refuse(
      ["swaggerVersion"],
      `this is a Swagger ${String(swaggerVersion)} document; clientgen reads OpenAPI 3.0 and 3.1, and converts Swagger 2.0`,
      "convert it to Swagger 2.0 or OpenAPI 3 first (for example with the 'api-spec-converter' npm package), and generate from the result",
    );
  }
  if (version === undefined && swagger !== undefined) {
    const quoted = typeof swagger === "number" && swagger === 2;
    return refuse(
      ["swagger"],
      quoted
        ? "'swagger: 2.0' is read as the number 2; the version must be the string \"2.0\""
        : `unsupported Swagger version ${JSON.stringify(swagger)}; clientgen reads OpenAPI 3.0 and 3.1, and converts Swagger 2.0`,
      quoted
        ? 'quote it: swagger: "2.0"'
        : "start the file with 'openapi: 3.1.0' (or 'swagger: \"2.0\"' for a Swagger 2.0 document)",
    );
  }
  const found = version === undefined ? "no 'openapi' field" : `openapi: ${JSON.stringify(version)}`;
  return refuse(
    version === undefined ? [] : ["openapi"],
    `unsupported document: ${found}; clientgen reads OpenAPI 3.0 and 3.1`,
    typeof version === "number"
      ? `quote the full version: openapi: "${Number.isInteger(version) ? `${version}.0.0` : `${version}.0`}"`
      : "start the file with 'openapi: 3.1.0' (or 'openapi: 3.0.3')",
  );
};
