import { type Diagnostic, jsonPointer, type SourceLocation } from "../diagnostics.js";
import type { Pointer } from "../load/json-pointer.js";
import type { LoadedSpec } from "../load/load-spec.js";
import type { OperationModel } from "../model/api-model.js";

/** Who holds a name: how a message says it, and the spec node it comes from (none for the runtime's or a global's). */
export interface NameHolder {
  label: string;
  pointer?: Pointer;
}

/** A set of taken names that remembers who took each, so a rename can say where the name went. */
export class NameScope extends Set<string> {
  readonly #holders = new Map<string, NameHolder>();

  constructor(names: Iterable<string> = [], from?: NameScope) {
    super(names);
    if (from) for (const name of this) if (from.holder(name)) this.#holders.set(name, from.holder(name)!);
  }

  /** Takes `name` for `holder`; the first holder of a name is the one kept. */
  claim(name: string, holder: NameHolder): this {
    this.add(name);
    if (!this.#holders.has(name)) this.#holders.set(name, holder);
    return this;
  }

  holder(name: string): NameHolder | undefined {
    return this.#holders.get(name);
  }
}

/** An operation as a name holder: `GET /a`, at its place in the spec. */
export const operationHolder = (op: OperationModel): NameHolder => ({
  label: `${op.method.toUpperCase()} ${op.path}`,
  pointer: op.pointer,
});

export interface Rename {
  /** The operation that wanted the name; absent for the client and schemas (give `at` instead). */
  op?: OperationModel;
  /** The spec node that wanted the name, when not the operation. */
  at?: Pointer;
  /** What was wanted and why it could not be had: `function name 'list' is taken`. */
  what: string;
  /** The name used instead. */
  used: string;
  /** The clientgen.yaml key that chooses another name. */
  configKey: string;
  /** What already had the name, when something in the spec or the runtime did. */
  holder?: NameHolder | undefined;
}

/** A rename warning, still in spec pointers: the pipeline, which has the spec, places it (locateRenames, then its pointer). */
export interface NameWarning extends Diagnostic {
  rename?: Rename;
}

/** `GET /b: function name 'list' is taken (by GET /a at openapi.yaml:5:5); using 'list2'`. */
function renameMessage({ op, what, used, holder }: Rename, heldAt?: SourceLocation): string {
  const where = op ? `${op.method.toUpperCase()} ${op.path}: ` : "";
  const place = heldAt ? ` at ${heldAt.file}:${heldAt.line}:${heldAt.column}` : "";
  return `${where}${what}${holder ? ` (by ${holder.label}${place})` : ""}; using '${used}'`;
}

/**
 * The warning every rename gives: what was wanted and why it could not be had, what holds the name,
 * the name used instead, and the clientgen.yaml key that chooses another.
 */
export function renamed(rename: Rename): NameWarning {
  const warning: NameWarning = {
    severity: "warning",
    rule: "name-clash",
    message: renameMessage(rename),
    hint: `choose a name in clientgen.yaml under ${rename.configKey}`,
    rename,
  };
  // The pipeline turns the pointer into a file position and a code frame (the name stage reads no source).
  const at = rename.at ?? rename.op?.pointer;
  if (at) warning.pointer = jsonPointer(at);
  return warning;
}

/**
 * Rename warnings with the holder's place in the message (`(by GET /a at openapi.yaml:5:5)`); the
 * pipeline then places each at its own pointer, the node that wanted the name. Other warnings pass through.
 */
export function locateRenames(warnings: readonly NameWarning[], spec: Pick<LoadedSpec, "diagnostic">): Diagnostic[] {
  return warnings.map(({ rename, ...d }) => {
    if (!rename) return d;
    const held = rename.holder?.pointer && spec.diagnostic(rename.holder.pointer, d).location;
    return { ...d, message: renameMessage(rename, held) };
  });
}
