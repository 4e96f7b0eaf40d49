/**
 * What the command line was given, parsed: its own file, so that the program's description
 * (program.ts) can name it without importing the parser, which reads the program.
 */

/** A parameter or body field as typed: `limit=2`, `projects:='[…]'`, `--limit 2`. */
export interface Input {
  name: string;
  /** Undefined for a `--name` with nothing after it (or another option): an error once the name is known. */
  value: string | undefined;
  /** `name:=value`: the value is JSON. */
  json: boolean;
  /** Given as `--name value`: a mistyped global option looks the same. */
  flag: boolean;
}

/** The words of one command line, sorted into the command, its inputs and the global options. */
export interface ParsedArgs {
  /** The operation, `completion` or `help`. */
  command?: string;
  /** Words after the command that are not assignments (`completion bash`). */
  positionals: string[];
  inputs: Input[];
  help: boolean;
  version: boolean;
  all: boolean;
  raw: boolean;
  verbose: boolean;
  baseURL?: string;
  headers: [string, string][];
  timeout?: number;
  maxRetries?: number;
  /** `--data`: JSON, `@file` or `-` (stdin). */
  data?: string;
  /** `--output`: the file the response body goes to instead of stdout. */
  output?: string;
  /** Client options given as flags (`--admin-api-key …` → `adminApiKey`). */
  clientOptions: Record<string, string>;
}
