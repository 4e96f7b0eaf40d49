import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "../runtime/defaults.js";
import type { CliProgram } from "./program.js";

/**
 * The options every generated command line takes, whatever the API (its base URL and that URL's
 * variable aside). This table is the only list:
 * parse-args.ts parses them (its handlers are keyed by these names, so a row without one does not
 * compile), help.ts and docs/CLI.md describe them from it, and reserved.ts takes their names so no
 * client option gets a flag named like one of them.
 */
export interface GlobalOption {
  /** Without `--`. */
  name: string;
  /** What follows the flag, as help shows it (`URL`, `MS`); absent for a switch. */
  value?: string;
  /** A one-letter spelling (`-h`). */
  short?: string;
  /** Lower case, no full stop: help prints it as is, the docs page as a sentence. */
  description: string;
  /** Printed after the description. */
  default?: number;
  /** The default and the environment variable come from the API (`--base-url`: its server, `<PREFIX>_BASE_URL`). */
  fromProgram?: { default: "baseURL"; env: "baseURLEnv" };
  /** `call`: how the request is made and printed; `program`: about the command itself, listed last. */
  group: "call" | "program";
}

export const GLOBAL_OPTION_TABLE = [
  {
    name: "base-url",
    value: "URL",
    description: "server to call",
    fromProgram: { default: "baseURL", env: "baseURLEnv" },
    group: "call",
  },
  { name: "header", value: "'Name: value'", description: "extra request header; repeatable", group: "call" },
  {
    name: "timeout",
    value: "MS",
    description: "milliseconds per attempt",
    default: DEFAULT_TIMEOUT_MS,
    group: "call",
  },
  {
    name: "max-retries",
    value: "N",
    description: "retries after the first attempt",
    default: DEFAULT_MAX_RETRIES,
    group: "call",
  },
  { name: "data", value: "JSON|@FILE|-", description: "the request body", group: "call" },
  {
    name: "output",
    value: "FILE",
    description: "write the response body to FILE, not stdout",
    group: "call",
  },
  {
    name: "all",
    description: "list operations: every item of every page, one JSON line each",
    group: "call",
  },
  { name: "raw", description: "print the status line and headers before the body", group: "call" },
  {
    name: "verbose",
    description: "log requests, responses and request ids on stderr (credentials redacted)",
    group: "call",
  },
  {
    name: "help",
    short: "h",
    description: "help, for the command or one operation",
    group: "program",
  },
  { name: "version", description: "print the version", group: "program" },
] as const satisfies readonly GlobalOption[];

type Row = (typeof GLOBAL_OPTION_TABLE)[number];
/** Options that take a value. */
export type ValuedOption = Extract<Row, { value: string }>["name"];
/** Options that are on when given. */
export type SwitchOption = Exclude<Row["name"], ValuedOption>;

/** `--timeout MS`, `-h, --help`: the option as help and the docs show it. */
export const optionSyntax = (o: GlobalOption): string =>
  `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.value ? ` ${o.value}` : ""}`;

/** What an API gives the options that take their default or variable from it. */
export type ProgramDefaults = Pick<CliProgram, "baseURL" | "baseURLEnv">;

/**
 * The description with its default and variable: `milliseconds per attempt (default 60000)`,
 * `server to call (default https://api.example.com; or OPENAI_BASE_URL)`.
 */
export function optionDescription(o: GlobalOption, program: ProgramDefaults): string {
  const given = o.fromProgram ? program[o.fromProgram.default] || undefined : o.default;
  const env = o.fromProgram ? program[o.fromProgram.env] : undefined;
  const from = [given !== undefined && `default ${given}`, env && `or ${env}`].filter(Boolean);
  return `${o.description}${from.length ? ` (${from.join("; ")})` : ""}`;
}
