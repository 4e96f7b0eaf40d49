import { didYouMean } from "../did-you-mean.js";
import type { Command } from "./command.js";

/** The options clientgen takes before any command. */
const TOP_LEVEL_OPTIONS = ["help", "version"];

/**
 * What `clientgen <first>` most likely meant when `first` is not a command: a mistyped top-level
 * option (`--verison`), or a command's switch given as a command (`clientgen watch` for
 * `clientgen generate --watch`). Undefined when nothing fits better than the general message.
 */
export function misdirected(first: string, commands: readonly Command[]): string | undefined {
  if (first.startsWith("-")) {
    const meant = didYouMean(first.replace(/^-+/, "").split("=")[0]!, TOP_LEVEL_OPTIONS);
    return meant ? `unknown option '${first}': did you mean 'clientgen --${meant}'? (see 'clientgen help')` : undefined;
  }
  const owner = commands.find((c) => c.options[first]?.type === "boolean");
  return owner
    ? `'${first}' is not a command: did you mean 'clientgen ${owner.name} --${first}'? (see 'clientgen ${owner.name} --help')`
    : undefined;
}
