/**
 * Words the command line itself takes. The name stage reads these too, so no operation becomes a
 * command named like a built-in one and no client option gets a flag named like a global option.
 */
export const BUILTIN_COMMANDS = ["completion", "help"];
/** Global options, without `--`. */
export const GLOBAL_OPTIONS = [
  "base-url",
  "header",
  "timeout",
  "max-retries",
  "data",
  "all",
  "raw",
  "verbose",
  "help",
  "version",
];
