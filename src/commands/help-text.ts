import { commonOptions, type Command } from "./command.js";

const EXIT_CODES = "Exit codes: 0 ok, 1 bad input or stale output, 2 usage error, 3 internal error.\n";

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join("\n");
}

/** `clientgen help`: every command with its summary. */
export function overviewHelp(commands: readonly Command[], version: string): string {
  return [
    `clientgen ${version}: typed TypeScript API clients from OpenAPI specs`,
    "",
    "Usage: clientgen <command> [options]",
    "",
    "Commands:",
    table(commands.map((c) => [c.name, c.summary])),
    "",
    "Options:",
    table([
      ["--version", "print the version"],
      ["-h, --help", "this text; 'clientgen <command> --help' for a command's options"],
    ]),
    "",
    EXIT_CODES,
  ].join("\n");
}

/** `clientgen <command> --help`: its forms and every option it takes. */
export function commandHelp(command: Command): string {
  const options = Object.entries({ ...command.options, ...commonOptions }).map(([name, o]): [string, string] => [
    `${o.short ? `-${o.short}, ` : ""}--${name}${o.value ? ` ${o.value}` : ""}`,
    o.description,
  ]);
  const notes = command.notes ? [...command.notes, ""] : [];
  return [
    `clientgen ${command.name}: ${command.summary}`,
    "",
    "Usage:",
    table(command.usage),
    "",
    "Options:",
    table(options),
    "",
    ...notes,
    EXIT_CODES,
  ].join("\n");
}
