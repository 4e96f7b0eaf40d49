import type { GeneratorAssets } from "../../../generator-assets.js";
import type { NamedApi } from "../../../name/named-api.js";
import { packageVersion } from "../../emit-package-files.js";
import { Imports } from "../../imports.js";
import type { FileSet } from "../../file-set.js";
import { copyReachable } from "../../emit-runtime.js";
import { banner, dataLiteral, newWriter, writeJsDoc } from "../../source-writer.js";
import { cliOperation, cliOptions, CodeRef, type CliFacts } from "./cli-program.js";
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

/** A single-quoted string literal: JSON reads better without every `"` escaped. */
const singleQuoted = (text: string): string =>
  `'${text.replace(/[\\'\u2028\u2029]/g, (c) => (c === "\\" ? "\\\\" : c === "'" ? "\\'" : `\\u${c.charCodeAt(0).toString(16)}`))}'`;

const code = (value: unknown): string => dataLiteral(value, (v) => (v instanceof CodeRef ? v.code : undefined));

function emitEntry(api: NamedApi, program: CliFacts): string {
  const { client, model } = api;
  const head = {
    bin: api.cli.bin,
    title: model.title,
    version: packageVersion(api),
    ...(model.servers[0] ? { baseURL: model.servers[0].url } : {}),
    client: new CodeRef(`(options) => new ${client.coreClassName}(options)`),
    options: program.options,
  };
  const w = newWriter();
  // The shebang must be the first line for the built dist/cli.js to run as the package's bin.
  w.writeLine("#!/usr/bin/env node");
  w.write(banner(model.source));
  const imports = new Imports("cli")
    .value("cli-runtime/index", "main", "operationsFrom")
    .type("cli-runtime/index", "CliProgram")
    .value("core", client.coreClassName)
    .namespace("operations/index", "operations");
  w.write(imports.text());
  w.blankLine();
  writeJsDoc(w, { summary: `${model.title}: the command line (\`${api.cli.bin} --help\`).` });
  w.writeLine("const program: CliProgram = {");
  w.indent(() => {
    for (const [key, value] of Object.entries(head)) w.writeLine(`${key}: ${code(value)},`);
    // JSON text, one operation a line: see operationsFrom for why not object literals.
    w.writeLine("operations: operationsFrom(operations, [");
  });
  // Appended as plain text: CodeBlockWriter scans every character it is given, which took longer than the rest of this style on GitHub's spec.
  const lines = program.operations.map((described) => `    ${singleQuoted(JSON.stringify(described))},\n`).join("");
  return `${w.toString()}${lines}  ]),\n};\n\nawait main(program);\n`;
}
