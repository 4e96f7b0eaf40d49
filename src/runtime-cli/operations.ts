import type { CliCall, CliOperation } from "./program.js";

/** An operation as a generated `src/cli.ts` writes it: JSON, with the standalone function named by `fn`. */
export type CliOperationData = Omit<CliOperation, "call"> & { fn: string };

/**
 * The operations of a program from their JSON text and the module of standalone functions. The text
 * is kept as strings because tsc checks a string in no time, while inferring a type for thousands of
 * object literals doubled the time to type-check GitHub's package.
 */
export function operationsFrom(functions: object, json: readonly string[]): CliOperation[] {
  return json.map((text) => {
    const { fn, ...op } = JSON.parse(text) as CliOperationData;
    return { ...op, call: (functions as Record<string, CliCall>)[fn]! };
  });
}
