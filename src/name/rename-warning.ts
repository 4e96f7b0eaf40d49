import { jsonPointer, type Diagnostic } from "../diagnostics.js";
import type { OperationModel } from "../model/api-model.js";

/**
 * The warning every rename gives: what was wanted and why it could not be had, the name used instead,
 * and the clientgen.yaml key that chooses another.
 */
export function renamed(
  op: OperationModel | undefined,
  what: string,
  used: string,
  configKey: string,
  at: readonly (string | number)[] | undefined = op?.pointer,
): Diagnostic {
  const where = op ? `${op.method.toUpperCase()} ${op.path}: ` : "";
  const d: Diagnostic = {
    severity: "warning",
    rule: "name-clash",
    message: `${where}${what}; using '${used}'`,
    hint: `choose a name in clientgen.yaml under ${configKey}`,
  };
  // The pipeline turns the pointer into a file position and a code frame (the name stage reads no source).
  if (at) d.pointer = jsonPointer(at);
  return d;
}
