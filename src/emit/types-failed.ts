import type { Diagnostic } from "../diagnostics.js";
import type { LoadedSpec } from "../load/load-spec.js";

/** openapi-typescript gave up on a spec that passed our checks. Light on purpose: the worker pool imports it. */
export class TypesFailed extends Error {
  constructor(readonly reason: string) {
    super(`openapi-typescript failed: ${reason}`);
    this.name = "TypesFailed";
  }
}

/** The failure as a diagnostic on the spec, so the run ends with exit 1 and a message, not a stack trace. */
export function typesFailedDiagnostic(spec: LoadedSpec, err: TypesFailed): Diagnostic {
  return spec.diagnostic([], {
    severity: "error",
    rule: "types-failed",
    message: `openapi-typescript could not turn ${spec.root.file} into TypeScript types: ${err.reason}`,
    hint: "the spec passed clientgen's checks but holds something openapi-typescript cannot read; simplify the schema it names, run with --debug for details, and report it with the spec",
  });
}
