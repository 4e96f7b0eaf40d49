import { compareDiagnostics, type Diagnostic } from "../../diagnostics.js";
import { getAt, type Pointer } from "../../load/json-pointer.js";
import type { LoadedSpec } from "../../load/load-spec.js";
import { leadsThroughItself, localRefs, refLoop } from "../../load/follow-ref.js";
import { reportFinding } from "./struct-findings.js";
import { structProblems, type StructProblem } from "./struct-walk.js";

/** The versions Redocly's types describe; anything else is reported by the `openapi-version` rule instead. */
export function validatable(data: Record<string, unknown>): boolean {
  return (
    (typeof data.openapi === "string" && /^3\.[01]\.\d+/.test(data.openapi)) ||
    (data.openapi === undefined && data.swagger === "2.0")
  );
}

/**
 * Validates the document against the OpenAPI 3.0/3.1 (or Swagger 2.0) object model as Redocly's
 * `struct` rule does (the validator behind `redocly lint`; see struct-walk.ts): object types and
 * shapes, required fields, closed value sets (`in`, `style`, schema `type`…). Every finding becomes
 * a located diagnostic.
 */
export function checkStructure(spec: LoadedSpec): Diagnostic[] {
  if (!validatable(spec.data)) return [];
  // A reference that goes round in a circle is for the `ref-cycle` and `ref-unresolved` rules to report.
  if (
    [...localRefs(spec.data)].some((ref) => refLoop(spec.data, ref) !== undefined || leadsThroughItself(spec.data, ref))
  )
    return [];
  let problems: StructProblem[];
  try {
    problems = structProblems(spec.data);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return [
      spec.diagnostic([], {
        severity: "error",
        rule: "spec-structure",
        message: `the document could not be validated: ${reason}`,
        hint: "check its $refs; run with --debug and report it with the spec if the document looks right",
      }),
    ];
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const nullables: Pointer[] = [];
  for (const problem of problems) {
    const pointer = problem.pointer;
    if (isNullable31(problem)) {
      nullables.push(pointer);
      continue;
    }
    const report = reportFinding({
      pointer,
      message: problem.message,
      suggest: problem.suggest,
      value: getAt(spec.data, pointer),
    });
    if (!report || covered(pointer, problem.message)) continue;
    const d = spec.diagnostic(pointer, report);
    const key = `${d.location?.file}:${d.location?.line}:${d.location?.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  if (nullables.length > 0) out.push(nullableFinding(spec, nullables));
  return out;
}

/** `nullable` in a 3.1 schema: Redocly reports each one as a field 3.1 does not have. */
const isNullable31 = (p: StructProblem): boolean =>
  p.pointer[p.pointer.length - 1] === "nullable" && /^Property `nullable` is not expected here\.$/.test(p.message);

/**
 * One warning for every `nullable` of a 3.1 spec (OpenAI's has hundreds), at the first: what is true is
 * that clientgen's types honour `nullable: true` (openapi-typescript adds `| null` whatever the version),
 * while other 3.1 tools may not.
 */
function nullableFinding(spec: LoadedSpec, pointers: Pointer[]): Diagnostic {
  const times = pointers.length === 1 ? "once" : `${pointers.length} times`;
  const at = (pointer: Pointer) =>
    spec.diagnostic(pointer, {
      severity: "warning",
      rule: "spec-nullable",
      message: `'nullable' is OpenAPI 3.0's keyword, not 3.1's; this spec uses it ${times} (first here). clientgen honours 'nullable: true' (the type includes null), other 3.1 tools may ignore it`,
      hint: 'in OpenAPI 3.1 write null into the type instead: type: [string, "null"], or anyOf: [{ $ref: … }, { type: "null" }] around a $ref',
    });
  // Redocly walks by object type, not in document order: the first is the one written first.
  return pointers.map(at).sort(compareDiagnostics)[0]!;
}

/**
 * Where a rule of our own says it better, do not say it twice: `openapi` and `info` (openapi-version,
 * info-required), and the types and keys of `paths` and its path items (paths-shape).
 */
function covered(pointer: Pointer, message: string): boolean {
  if (pointer.length === 0) return /`(openapi|info)`/.test(message);
  if (pointer[0] === "paths" && pointer.length <= 3)
    return /^(Expected type|Property .* is not expected)/.test(message);
  if (pointer[0] !== "info") return false;
  return pointer.length === 1 || (pointer.length === 2 && (pointer[1] === "title" || pointer[1] === "version"));
}
