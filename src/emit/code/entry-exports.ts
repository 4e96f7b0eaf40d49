import type { NamedApi } from "../../name/named-api.js";
import { RESERVED } from "../../name/reserved-names.js";
import { line } from "./source-writer.js";

/**
 * What every entry point re-exports: the core, the models, and the runtime's public classes and
 * types (the list the runtime itself exports, with SDKError under the client's own error class name).
 */
export function entryExports(api: NamedApi): string {
  const { client } = api;
  const values = RESERVED.entryValues.map((name) => (name === "SDKError" ? `SDKError as ${client.errorClass}` : name));
  return [
    `export { ${client.coreClassName}, clientSpec } from "./core.js";`,
    `export type { ${client.optionsType} } from "./core.js";`,
    `export type * from "./models.js";`,
    `export { ${values.join(", ")} } from "./runtime/index.js";`,
    `export type { ${RESERVED.entryTypes.join(", ")} } from "./runtime/index.js";`,
  ]
    .map((text) => line(text))
    .join("");
}
