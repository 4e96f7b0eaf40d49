import type { Command } from "./command.js";
import { diffCommand } from "./diff-command.js";
import { generateCommand } from "./generate-command.js";
import { helpCommand } from "./help-command.js";
import { initCommand } from "./init-command.js";
import { lintCommand } from "./lint-command.js";

/** Every `clientgen <command>`, in the order `clientgen help` lists them. Adding a command is its `<name>-command.ts` here, its entry in this list, and its `run-<name>.ts` beside it. */
export const commands: readonly Command[] = [
  generateCommand,
  lintCommand,
  initCommand,
  diffCommand,
  helpCommand(() => commands),
];

export const findCommand = (name: string): Command | undefined => commands.find((c) => c.name === name);
