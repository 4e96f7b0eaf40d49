import { GLOBAL_OPTION_TABLE, type SwitchOption, type ValuedOption } from "./global-options.js";
import type { CliProgram } from "./program.js";
import type { Input, ParsedArgs } from "./parsed-args.js";
import { UsageError } from "./usage-error.js";

/** Where each switch lands: one entry per switch in the table, or this does not compile. */
const SWITCHES: { [K in SwitchOption]: "help" | "version" | "all" | "raw" | "verbose" } = {
  all: "all",
  raw: "raw",
  verbose: "verbose",
  help: "help",
  version: "version",
};
/** What each option that takes a value does with it: one entry per such option in the table. */
const VALUED: { [K in ValuedOption]: (out: ParsedArgs, text: string) => void } = {
  "base-url": (out, text) => {
    out.baseURL = text;
  },
  header: (out, text) => {
    out.headers.push(header(text));
  },
  timeout: (out, text) => {
    out.timeout = count("timeout", text);
  },
  "max-retries": (out, text) => {
    out.maxRetries = count("max-retries", text);
  },
  data: (out, text) => {
    out.data = text;
  },
  output: (out, text) => {
    out.output = text;
  },
};
const SHORT: ReadonlyMap<string, SwitchOption> = new Map<string, SwitchOption>(
  GLOBAL_OPTION_TABLE.flatMap((o) => ("short" in o ? [[`-${o.short}`, o.name]] : [])),
);
/** `name=value` or `name:=json`; the name stops at the first `=`. */
const ASSIGNMENT = /^([^=]+?)(:?)=([\s\S]*)$/;

/** Splits the command line into the command, global options and parameter inputs. Global options may come anywhere. */
export function parseArgs(program: CliProgram, args: string[]): ParsedArgs {
  const out: ParsedArgs = {
    positionals: [],
    inputs: [],
    help: false,
    version: false,
    all: false,
    raw: false,
    verbose: false,
    headers: [],
    clientOptions: {},
  };
  const byFlag = new Map(program.options.map((o) => [o.flag, o.option]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const short = SHORT.get(arg);
    if (short) {
      out[SWITCHES[short]] = true;
      continue;
    }
    if (arg === "--") continue;
    if (!arg.startsWith("--")) {
      const assignment = ASSIGNMENT.exec(arg);
      if (!assignment) {
        if (out.command === undefined) out.command = arg;
        else out.positionals.push(arg);
      } else if (out.command === undefined) {
        throw new UsageError(`'${arg}' comes before the operation: write the operation first, then its parameters`);
      } else {
        out.inputs.push({ name: assignment[1]!, value: assignment[3]!, json: assignment[2] === ":", flag: false });
      }
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (Object.hasOwn(SWITCHES, flag) && eq < 0) {
      out[SWITCHES[flag as keyof typeof SWITCHES]] = true;
      continue;
    }
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const next = args[++i];
      if (next === undefined) throw new UsageError(`--${flag} needs a value`);
      return next;
    };
    if (Object.hasOwn(VALUED, flag)) VALUED[flag as ValuedOption](out, value());
    else if (byFlag.has(flag)) out.clientOptions[byFlag.get(flag)!] = value();
    else
      out.inputs.push({
        name: flag,
        value: eq >= 0 ? arg.slice(eq + 1) : args[i + 1]?.startsWith("--") ? undefined : args[++i],
        json: false,
        flag: true,
      });
  }
  return out;
}

/** `Name: value`, as curl takes it. */
function header(text: string): [string, string] {
  const colon = text.indexOf(":");
  const name = colon < 0 ? "" : text.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) throw new UsageError(`--header expects 'Name: value', got '${text}'`);
  return [name, text.slice(colon + 1).trim()];
}

function count(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} expects a whole number, got '${text}'`);
  return Number(text);
}
