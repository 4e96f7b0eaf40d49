import { BUILTIN_COMMANDS, GLOBAL_OPTIONS } from "../runtime-cli/reserved.js";
import type { Diagnostic } from "../diagnostics.js";
import { uniqueName, words } from "./identifiers.js";
import { configKey, kebab } from "./name-operations.js";
import { NameScope, operationHolder, renamed } from "./rename-warning.js";
import type { ClientNames, NamedClientParam, NamedCredential, NamedOperation } from "./named-api.js";

/** The command line's names: the executable, a command per operation, a flag per client option. */
export interface CliNames {
  /** The executable (package.json `bin`): the package name without its scope, `openai-client`. */
  bin: string;
  /** One per operation, in `NamedApi.operations` order. */
  commands: ReadonlyMap<NamedOperation, CliCommand>;
  /** `--admin-api-key` for the `adminApiKey` option: credentials, then client parameters. */
  flags: { option: string; flag: string }[];
}

export interface CliCommand {
  /** The builder method name, as seed 002 writes it: `listInvites`. */
  command: string;
  /** Kebab case, when it differs: `list-invites`. */
  alias?: string;
  /** Heading the operation is listed under in `--help`: its first tag, else its flat resource path. */
  group: string;
}

export function nameCli(
  client: ClientNames,
  operations: NamedOperation[],
  options: (NamedCredential | NamedClientParam)[],
  warnings: Diagnostic[],
): CliNames {
  const taken = new NameScope();
  for (const name of BUILTIN_COMMANDS) taken.claim(name, { label: "a built-in command" });
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
