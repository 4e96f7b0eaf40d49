/** One `clientgen <command>`: what `help` shows about it, the options it takes, and what it does. */
export interface Command {
  name: string;
  /** One line for `clientgen help`. */
  summary: string;
  /** Invocation forms for `clientgen <command> --help`, each with what it does. */
  usage: Array<[form: string, meaning: string]>;
  options: Record<string, OptionSpec>;
  /** Lines printed after the options in `--help`: what the output means. */
  notes?: string[];
  /** Most positionals the command takes (0 when none). */
  maxPositionals: number;
  /** Loaded only when the command runs, so `--help` and a no-op stay cheap. */
  run(args: CommandArgs): Promise<number>;
}

export interface OptionSpec {
  type: "boolean" | "string";
  short?: string;
  /** Placeholder for a string option's value in help text: `FILE`. */
  value?: string;
  description: string;
}

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Colour on stderr: a TTY, and neither NO_COLOR nor --no-color. */
  color: boolean;
  quiet: boolean;
  debug: boolean;
  cwd: string;
}

/** A mistake in how clientgen was called: one line on stderr, exit 2 (a generated package's command line has its own, runtime-cli's UsageError). */
export class ClientgenUsageError extends Error {}

export const stringOption = (args: CommandArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
};

export const flagOption = (args: CommandArgs, name: string): boolean => args.values[name] === true;

/** Options every command takes. */
export const commonOptions: Record<string, OptionSpec> = {
  quiet: { type: "boolean", short: "q", description: "print only problems" },
  "no-color": {
    type: "boolean",
    description: "plain output (also NO_COLOR=1; colour is only ever used on a terminal)",
  },
  debug: { type: "boolean", description: "print stack traces for internal errors" },
  help: { type: "boolean", short: "h", description: "this text" },
};
