#!/usr/bin/env node
import { ClientgenUsageError } from "./commands/command.js";
import { commands, findCommand } from "./commands/index.js";
import { unknownCommandMessage } from "./commands/help-command.js";
import { misdirected } from "./commands/misdirected.js";
import { parseCommandArgs } from "./commands/parse-command-args.js";

/** Exit codes: 0 ok, 1 bad input or stale output, 2 usage error, 3 internal error. */
async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === "--version" || first === "-v") {
      const { readVersion } = await import("./commands/version.js");
      process.stdout.write(`${readVersion()}\n`);
      return 0;
    }
    if (first === undefined || first === "--help" || first === "-h")
      return await findCommand("help")!.run(parseCommandArgs([], findCommand("help")!, process.env, false));
    const command = findCommand(first);
    if (!command) {
      const meant = misdirected(first, commands);
      if (meant) throw new ClientgenUsageError(meant);
      if (first.startsWith("-"))
        throw new ClientgenUsageError(
          `give a command first, for example 'clientgen generate ${first}' (see 'clientgen help')`,
        );
      throw new ClientgenUsageError(
        unknownCommandMessage(
          first,
          commands.map((c) => c.name),
        ),
      );
    }
    const args = parseCommandArgs(rest, command, process.env, process.stderr.isTTY === true);
    if (args.values.help) {
      const { commandHelp } = await import("./commands/help-text.js");
      process.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(args);
  } catch (err) {
    if (err instanceof ClientgenUsageError) {
      process.stderr.write(`clientgen: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`clientgen: internal error: ${message}\n`);
    if (rest.includes("--debug") && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    else
      process.stderr.write("run again with --debug for the stack trace, and report it with the spec that caused it\n");
    return 3;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
