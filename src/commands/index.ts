import type { Command } from "./command.js";
import { diffCommand } from "./diff.js";
import { generateCommand } from "./generate.js";
import { helpCommand } from "./help.js";
import { initCommand } from "./init.js";
import { lintCommand } from "./lint.js";

/** Every `clientgen <command>`, in the order `clientgen help` lists them. Adding a command is a file here, its entry in this list, and its `run-*.ts` beside the commands folder. */
export const commands: readonly Command[] = [generateCommand, lintCommand, initCommand, diffCommand, helpCommand];

export const findCommand = (name: string): Command | undefined => commands.find((c) => c.name === name);
