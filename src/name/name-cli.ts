import { BUILTIN_COMMANDS, GLOBAL_OPTIONS } from "../runtime-cli/reserved.js";
import type { Diagnostic } from "../diagnostics.js";
import { uniqueName, words } from "./identifiers.js";
import { configKey, kebab } from "./name-operations.js";
import { NameScope, operationHolder, renamed } from "./rename-warning.js";
import type {
  CliCommand,
  CliNames,
  ClientNames,
  NamedClientParam,
  NamedCredential,
  NamedOperation,
} from "./named-api.js";

export function nameCli(
  client: ClientNames,
  operations: NamedOperation[],
  options: (NamedCredential | NamedClientParam | { option: string })[],
  warnings: Diagnostic[],
  extraCommands: readonly string[] = [],
): CliNames {
  const taken = new NameScope();
  for (const name of [...BUILTIN_COMMANDS, ...extraCommands]) taken.claim(name, { label: "a built-in command" });
  const commands = operations.map((named) => {
    const wanted = named.builder.method;
    const command = uniqueName(wanted, taken);
    if (command !== wanted)
      warnings.push(
        renamed({
          op: named.op,
          what: `command '${wanted}' is taken`,
          used: command,
          configKey: configKey(named.op, "builderMethod"),
          holder: taken.holder(wanted),
        }),
      );
    taken.claim(command, operationHolder(named.op));
    return { named, command };
  });
  // Aliases come second, so an alias never takes another operation's command name.
  const out = commands.map(({ named, command }): [NamedOperation, CliCommand] => {
    const group = named.op.tags[0] ?? (named.flat.resource.join(".") || "Operations");
    const alias = kebab(command);
    if (alias === command || taken.has(alias)) return [named, { command, group }];
    taken.add(alias);
    return [named, { command, alias, group }];
  });
  const flagsTaken = new NameScope();
  for (const name of GLOBAL_OPTIONS) flagsTaken.claim(name, { label: "a global option" });
  const flags = options.map(({ option }) => {
    const wanted = words(option).join("-").toLowerCase() || option;
    const flag = uniqueName(wanted, flagsTaken);
    if (flag !== wanted)
      warnings.push(
        renamed({
          what: `command line: flag '--${wanted}' for the client option '${option}' is taken`,
          used: `--${flag}`,
          configKey: "credentials / clientParams",
          holder: flagsTaken.holder(wanted),
        }),
      );
    flagsTaken.claim(flag, { label: `the client option '${option}'` });
    return { option, flag };
  });
  return { bin: client.packageName.replace(/^@[^/]+\//, ""), commands: new Map(out), flags };
}
