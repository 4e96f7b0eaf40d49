/**
 * The type-only exports generated packages re-export from the runtime or import: a type leaves no
 * trace in the module at run time, so these are listed. The value exports need no list: the
 * generator reads them from the module itself (name/reserved-names.ts).
 */
import type { ClientOptions } from "./types.js";

/** Every ClientOptions key, once: a missing or unknown key is a compile error. */
const CLIENT_OPTIONS: { [K in keyof Required<ClientOptions>]: 0 } = {
  baseURL: 0,
  serverVariables: 0,
  defaultHeaders: 0,
  defaultQuery: 0,
  fetch: 0,
  timeout: 0,
  maxRetries: 0,
  logLevel: 0,
  logger: 0,
  fetchOptions: 0,
  middleware: 0,
};

export const PUBLIC_EXPORTS = {
  /** Types every entry point re-exports. */
  types: ["ClientOptions", "RequestOptions", "Logger", "LogLevel", "Uploadable", "Middleware", "MiddlewareContext"],
  /** Types only the builder entry re-exports. */
  builderTypes: ["RequestBuilder"],
  /** The other type-only exports generated code imports (a generated file importing another must add it here). */
  importedTypes: ["ClientSpec", "OperationSpec"],
  clientOptions: Object.keys(CLIENT_OPTIONS),
} as const;
