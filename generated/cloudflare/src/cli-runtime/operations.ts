import type { CliCall, CliOperation } from "./program.js";

/** An operation as a generated `src/cli.ts` describes it, beside its standalone function. */
export type CliOperationEntry = Omit<CliOperation, "call">;

/** An operation as the generator describes it: the entry and its standalone function's name. */
export type CliOperationData = CliOperationEntry & { fn: string };

/**
 * One operation of a program: its standalone function and its description. A call per operation
 * rather than an array of object literals: tsc checks each description against the parameter's type
 * alone, while an array of thousands of literals is reduced to one union type, which doubled the
 * time to type-check GitHub's package (and a record keyed by function name loses its value type
 * under keys such as `constructor` or `toString`).
 */
export function operation(call: CliCall, described: CliOperationEntry): CliOperation {
  return { ...described, call };
}
