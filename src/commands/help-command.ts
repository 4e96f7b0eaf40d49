import { didYouMean } from "../did-you-mean.js";
import { ClientgenUsageError, type Command } from "./command.js";

/** `clientgen help`, over the commands `listed` gives (the registry, which holds this command too). */
export const helpCommand = (listed: () => readonly Command[]): Command => ({
  name: "help",
  summary: "list the commands, or explain one",
  usage: [
    ["clientgen help", "every command"],
    ["clientgen help <command>", "that command's forms and options (same as clientgen <command> --help)"],
  ],
  options: {},
  maxPositionals: 1,
  async run(args) {
    const commands = listed();
    const { commandHelp, overviewHelp } = await import("./help-text.js");
    const { readVersion } = await import("./version.js");
    const name = args.positionals[0];
    if (name === undefined) {
      process.stdout.write(overviewHelp(commands, readVersion()));
      return 0;
    }
    const command = commands.find((c) => c.name === name);
    if (!command)
      throw new ClientgenUsageError(
        unknownCommandMessage(
          name,
          commands.map((c) => c.name),
        ),
      );
    process.stdout.write(commandHelp(command));
    return 0;
  },
});

export function unknownCommandMessage(name: string, known: string[]): string {
  const close = didYouMean(name, known);
  return `unknown command '${name}'${close ? `: did you mean '${close}'?` : ""} (see 'clientgen help')`;
}
