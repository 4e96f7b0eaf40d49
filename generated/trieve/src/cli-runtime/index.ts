/**
 * The command-line engine every generated package carries (copied verbatim into src/cli-runtime/).
 * A package's `src/cli.ts` describes its operations as a `CliProgram` and calls `main`. It is its own
 * entry point, so nothing here reaches a bundle of the library.
 */
export { main, runCli } from "./run-cli.js";
export { operation, type CliOperationData, type CliOperationEntry } from "./operations.js";
export type { Host } from "./host.js";
export type {
  CliBody,
  CliCall,
  CliField,
  CliOperation,
  CliOption,
  CliParam,
  CliProgram,
  CliSchema,
} from "./program.js";
