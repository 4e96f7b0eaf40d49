import { BaseResolver, createConfig, lintDocument, Source, type NormalizedProblem } from "@redocly/openapi-core";
import type { Diagnostic } from "../diagnostics.js";
import { getAt, type Pointer } from "../load/bundle-refs.js";
import type { LoadedSpec } from "../load/load-spec.js";
import { hasUnsafeKeys, markUnsafeKeys, unmark } from "./redocly-safe-keys.js";
import { hasRefLoop } from "./ref-chains.js";
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
  // A reference that only refers on in a circle is the `ref-cycle` rule's to report; Redocly cannot resolve it.
  if (!validatable(spec.data) || hasRefLoop(spec.data)) return [];
  let problems: NormalizedProblem[];
  try {
    problems = await lint(spec);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return [spec.diagnostic([], { severity: "error", rule: "spec-structure", message: `the document could not be validated: ${reason}`, hint: "check its $refs; run with --debug and report it with the spec if the document looks right" })];
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const pointer = pointerOf(problem);
    const report = reportFinding({ pointer, message: unmark(problem.message), suggest: problem.suggest, value: getAt(spec.data, pointer) });
    if (!report || covered(pointer, problem.message)) continue;
    const d = spec.diagnostic(pointer, report);
    const key = `${d.location?.file}:${d.location?.line}:${d.location?.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

async function lint(spec: LoadedSpec): Promise<NormalizedProblem[]> {
  const config = await createConfig({ extends: [], rules: { struct: "error" } });
  const parsed = hasUnsafeKeys(spec.data) ? markUnsafeKeys(spec.data) : spec.data;
  const document = { source: new Source(spec.root.absPath, spec.root.text), parsed };
  return lintDocument({ document, config: config.styleguide, externalRefResolver: new NoExternalRefs() });
}

/** `#/paths/~1pets/get` → `["paths", "/pets", "get"]`. Redocly escapes only `~` and `/`. */
function pointerOf(problem: NormalizedProblem): Pointer {
  const raw = problem.location[0]?.pointer ?? "#/";
  return raw
    .replace(/^#\/?/, "")
    .split("/")
    .filter((s) => s !== "")
    .map((s) => unmark(s.replace(/~1/g, "/").replace(/~0/g, "~")));
}

/**
 * Where a rule of our own says it better, do not say it twice: `openapi` and `info` (openapi-version,
 * info-required), and the types and keys of `paths` and its path items (paths-shape).
 */
function covered(pointer: Pointer, message: string): boolean {
  if (pointer.length === 0) return /`(openapi|info)`/.test(message);
  if (pointer[0] === "paths" && pointer.length <= 3) return /^(Expected type|Property .* is not expected)/.test(message);
  if (pointer[0] !== "info") return false;
  return pointer.length === 1 || (pointer.length === 2 && (pointer[1] === "title" || pointer[1] === "version"));
}
