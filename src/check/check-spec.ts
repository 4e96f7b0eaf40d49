import { compareDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { CheckContext } from "./rule.js";
import { rules } from "./rules/index.js";

/** Runs every rule and returns all problems, sorted by file and position. */
export function checkSpec(ctx: CheckContext): Diagnostic[] {
  return rules.flatMap((rule) => rule(ctx)).sort(compareDiagnostics);
}
