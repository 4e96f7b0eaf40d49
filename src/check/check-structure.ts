import { BaseResolver, createConfig, lintDocument, Source, type NormalizedProblem } from "@redocly/openapi-core";
import type { Diagnostic } from "../diagnostics.js";
import { getAt, type Pointer } from "../load/bundle-refs.js";
import type { LoadedSpec } from "../load/load-spec.js";
import { reportFinding } from "./struct-findings.js";

/** Every other file was already folded in by load: validation must never read a file or the network. */
class NoExternalRefs extends BaseResolver {
  override loadExternalRef(absoluteRef: string): Promise<Source> {
    return Promise.reject(new Error(`not followed during validation: ${absoluteRef}`));
  }
}

/** The versions Redocly's types describe; anything else is reported by the `openapi-version` rule instead. */
export function validatable(data: Record<string, unknown>): boolean {
  return (typeof data.openapi === "string" && /^3\.[01]\.\d+/.test(data.openapi)) || (data.openapi === undefined && data.swagger === "2.0");
}

/**
 * Validates the document against the OpenAPI 3.0/3.1 (or Swagger 2.0) object model with Redocly's
 * `struct` rule, the validator behind `redocly lint`: object types and shapes, required fields,
 * closed value sets (`in`, `style`, schema `type`…). Every finding becomes a located diagnostic.
 */
export async function checkStructure(spec: LoadedSpec): Promise<Diagnostic[]> {
  if (!validatable(spec.data)) return [];
  const config = await createConfig({ extends: [], rules: { struct: "error" } });
  const document = { source: new Source(spec.root.absPath, spec.root.text), parsed: spec.data };
  const problems = await lintDocument({ document, config: config.styleguide, externalRefResolver: new NoExternalRefs() });
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const pointer = pointerOf(problem);
    const report = reportFinding({ pointer, message: problem.message, suggest: problem.suggest, value: getAt(spec.data, pointer) });
    if (!report || covered(pointer, problem.message)) continue;
    const d = spec.diagnostic(pointer, report);
    const key = `${d.location?.file}:${d.location?.line}:${d.location?.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** `#/paths/~1pets/get` → `["paths", "/pets", "get"]`. Redocly escapes only `~` and `/`. */
function pointerOf(problem: NormalizedProblem): Pointer {
  const raw = problem.location[0]?.pointer ?? "#/";
  return raw
    .replace(/^#\/?/, "")
    .split("/")
    .filter((s) => s !== "")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The `info` and `openapi` fields have rules of their own with better messages; do not say it twice. */
function covered(pointer: Pointer, message: string): boolean {
  if (pointer.length === 0) return /`(openapi|info)`/.test(message);
  if (pointer[0] !== "info") return false;
  return pointer.length === 1 || (pointer.length === 2 && (pointer[1] === "title" || pointer[1] === "version"));
}
