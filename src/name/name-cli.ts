import { BUILTIN_COMMANDS, GLOBAL_OPTIONS } from "../runtime-cli/reserved.js";
import type { Diagnostic } from "../diagnostics.js";
import { uniqueName, words } from "./identifiers.js";
import { kebab } from "./name-operations.js";
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
  const taken = new Set(BUILTIN_COMMANDS);
  const commands = operations.map((named) => {
    const wanted = named.builder.method;
    const command = uniqueName(wanted, taken);
    if (command !== wanted)
      warnings.push(clash(`command '${wanted}'`, command, `operations.${JSON.stringify(named.op.key)}.builderMethod`));
    taken.add(command);
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
  const flagsTaken = new Set(GLOBAL_OPTIONS);
  const flags = options.map(({ option }) => {
    const wanted = words(option).join("-").toLowerCase() || option;
    const flag = uniqueName(wanted, flagsTaken);
    if (flag !== wanted)
      warnings.push(
        clash(`flag '--${wanted}' for the client option '${option}'`, `--${flag}`, "credentials / clientParams"),
      );
    flagsTaken.add(flag);
    return { option, flag };
  });
  return { bin: client.packageName.replace(/^@[^/]+\//, ""), commands: new Map(out), flags };
}

function clash(what: string, used: string, configKey: string): Diagnostic {
  return {
    severity: "warning",
    rule: "name-clash",
    message: `command line: ${what} is taken; using '${used}'`,
    hint: `choose another name in clientgen.yaml under ${configKey}`,
  };
}
