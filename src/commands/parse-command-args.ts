import { parseArgs } from "node:util";
import { didYouMean } from "../did-you-mean.js";
import { commonOptions, ClientgenUsageError, type Command, type CommandArgs } from "./command.js";

const seeHelp = (command: Command) => `see 'clientgen ${command.name} --help'`;

/** Our own one-line message for an option the command does not know, before Node's parser words it its way. */
function checkOptionNames(argv: string[], command: Command): void {
  const options = { ...command.options, ...commonOptions };
  const longs = Object.keys(options);
  const shorts = new Set(Object.values(options).flatMap((o) => (o.short ? [o.short] : [])));
  for (const arg of argv) {
    if (arg === "--") return;
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=", 1)[0]!;
      if (longs.includes(name)) continue;
      const close = didYouMean(name, longs);
      throw new ClientgenUsageError(
        `unknown option '--${name}' for '${command.name}'${close ? `: did you mean '--${close}'?` : ""} (${seeHelp(command)})`,
      );
    }
    if (/^-[^-]/.test(arg) && ![...arg.slice(1)].every((c) => shorts.has(c))) {
      throw new ClientgenUsageError(`unknown option '${arg}' for '${command.name}' (${seeHelp(command)})`);
    }
  }
}

/** `argv` after the command name → values and positionals, or a ClientgenUsageError worded by us. */
export function parseCommandArgs(
  argv: string[],
  command: Command,
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): CommandArgs {
  checkOptionNames(argv, command);
  const options = Object.fromEntries(
    Object.entries({ ...command.options, ...commonOptions }).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec(String((err as Error).message))?.[1] ?? "an option";
    const isFlag = Object.entries({ ...command.options, ...commonOptions }).some(
      ([name, o]) => `--${name}` === option && o.type === "boolean",
    );
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new ClientgenUsageError(`${option} ${isFlag ? "takes no value" : "needs a value"} (${seeHelp(command)})`);
    throw new ClientgenUsageError(`cannot read the arguments of '${command.name}' (${seeHelp(command)})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > command.maxPositionals && !values.help) {
    const extra = positionals[command.maxPositionals]!;
    throw new ClientgenUsageError(`unexpected argument '${extra}' for '${command.name}' (${seeHelp(command)})`);
  }
  return {
    values,
    positionals,
    color: isTTY && !values["no-color"] && !env.NO_COLOR,
    quiet: values.quiet === true,
    debug: values.debug === true,
    cwd: process.cwd(),
  };
}
