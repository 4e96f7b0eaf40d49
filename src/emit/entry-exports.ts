import type CodeBlockWriter from "code-block-writer";
import type { NamedApi } from "../name/named-api.js";
import { RESERVED } from "../name/reserved-names.js";

/**
 * What every entry point re-exports: the core, the models, and the runtime's public classes and
 * types (the list the runtime itself exports, with SDKError under the client's own error class name).
 */
export function writeEntryExports(w: CodeBlockWriter, api: NamedApi): void {
  const { client } = api;
  w.writeLine(`export { ${client.coreClassName}, clientSpec } from "./core.js";`);
  w.writeLine(`export type { ${client.optionsType} } from "./core.js";`);
  w.writeLine(`export type * from "./models.js";`);
  const values = RESERVED.entryValues.map((name) => (name === "SDKError" ? `SDKError as ${client.errorClass}` : name));
  w.writeLine(`export { ${values.join(", ")} } from "./runtime/index.js";`);
  w.writeLine(`export type { ${RESERVED.entryTypes.join(", ")} } from "./runtime/index.js";`);
}
