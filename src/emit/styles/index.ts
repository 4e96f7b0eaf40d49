import { emitBuilder } from "./builder/emit-builder.js";
import { builderCallName, builderExample, builderUsage } from "./builder/usage.js";
import { emitCli } from "./cli/emit-cli.js";
import { cliCallName, cliExample, cliUsage } from "./cli/usage.js";
import { emitFlat } from "./flat/emit-flat.js";
import { flatCallName, flatExample, flatUsage } from "./flat/usage.js";
import type { Style } from "./style.js";

/** Every calling style, in output order. Adding a style is one folder and one entry here. */
export const styles: readonly Style[] = [
  {
    name: "flat",
    entries: { ".": "index" },
    language: "ts",
    emit: emitFlat,
    usage: flatUsage,
    callName: flatCallName,
    example: flatExample,
  },
  {
    name: "builder",
    entries: { "./builder": "builder" },
    language: "ts",
    emit: emitBuilder,
    usage: builderUsage,
    callName: builderCallName,
    example: builderExample,
  },
  {
    name: "cli",
    entries: {},
    bin: (api) => ({ [api.cli.bin]: "cli" }),
    language: "sh",
    emit: emitCli,
    usage: cliUsage,
    callName: cliCallName,
    example: cliExample,
  },
];
