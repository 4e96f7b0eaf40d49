import { compareDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { CheckContext } from "./rule.js";
import { rules } from "./rules/index.js";
import { openapiVersion } from "./rules/openapi-version.js";

/**
 * Runs every rule and returns all problems, sorted by file and position. A document of another
 * version (Swagger 1.2, OpenAPI 3.2) gets only that error: the other rules would misread it.
 */
export function checkSpec(ctx: CheckContext): Diagnostic[] {
  const version = openapiVersion(ctx);
  if (version.length > 0) return version;
  return rules.flatMap((rule) => rule(ctx)).sort(compareDiagnostics);
}
