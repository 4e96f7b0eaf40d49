import type { GeneratorAssets } from "../../../generator-assets.js";
import type { NamedApi } from "../../../name/named-api.js";
import { packageVersion } from "../../emit-package-files.js";
import { Imports } from "../../imports.js";
import type { FileSet } from "../../file-set.js";
import { copyReachable } from "../../emit-runtime.js";
import { banner, newWriter, writeJsDoc } from "../../source-writer.js";
import { Call, Code, wrappedLiteral } from "../../wrapped-literal.js";
import { cliOperation, cliOptions, type CliFacts } from "./cli-program.js";
import { emitCliDocs } from "./emit-cli-docs.js";

/**
 * The command-line style: `src/cli.ts` describes every operation as data for the engine in
 * `src/cli-runtime/` (copied verbatim, like the runtime) and calls the same standalone operation
 * functions as the other styles; docs/CLI.md documents it in seed 002's format.
 */
export function emitCli(api: NamedApi, assets: GeneratorAssets): FileSet {
  // What the engine imports at run time (reserved.ts included: completion and flag checks read it).
  const files = copyReachable(assets.cliRuntime, "src/cli-runtime");
  // Described once: src/cli.ts and docs/CLI.md both read every operation's description.
  const program: CliFacts = {
    options: cliOptions(api),
    operations: api.operations.map((named) => cliOperation(api, named)),
  };
  files.set("src/cli.ts", emitEntry(api, program));
  files.set("docs/CLI.md", emitCliDocs(api, assets, program));
  return files;
}

function emitEntry(api: NamedApi, program: CliFacts): string {
  const { client, model } = api;
  const literal = {
    bin: api.cli.bin,
    title: model.title,
    version: packageVersion(api),
    ...(model.servers[0] ? { baseURL: model.servers[0].url } : {}),
    client: new Code(`(options) => new ${client.coreClassName}(options)`),
    options: program.options,
    // A call per operation: see `operation` for why.
    operations: program.operations.map(
      ({ fn, ...described }) => new Call({ callee: "operation", args: [new Code(`operations.${fn}`), described] }),
    ),
  };
  const w = newWriter();
  // The shebang must be the first line for the built dist/cli.js to run as the package's bin.
  w.writeLine("#!/usr/bin/env node");
  w.write(banner(model.source));
  const imports = new Imports("cli")
    .value("cli-runtime/index", "main", "operation")
    .type("cli-runtime/index", "CliProgram")
    .value("core", client.coreClassName)
    .namespace("operations/index", "operations");
  w.write(imports.text());
  w.blankLine();
  writeJsDoc(w, { summary: `${model.title}: the command line (\`${api.cli.bin} --help\`).` });
  // Appended as plain text: CodeBlockWriter scans every character it is given, which took longer than the rest of this style on GitHub's spec.
  const head = "const program: CliProgram = ";
  return `${w.toString()}${head}${wrappedLiteral(literal, undefined, "", head.length + 1)};\n\nawait main(program);\n`;
}
