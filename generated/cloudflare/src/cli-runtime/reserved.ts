import { GLOBAL_OPTION_TABLE } from "./global-options.js";

/**
 * Words the command line itself takes. The name stage reads these too, so no operation becomes a
 * command named like a built-in one and no client option gets a flag named like a global option.
 */
export const BUILTIN_COMMANDS = ["completion", "help"];
/** `<bin> webhooks verify`: a command of its own in packages that verify webhooks. */
export const WEBHOOKS_COMMAND = "webhooks";
/** Global options, without `--`. */
export const GLOBAL_OPTIONS: string[] = GLOBAL_OPTION_TABLE.map((o) => o.name);
