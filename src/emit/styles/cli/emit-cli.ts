import type { GeneratorAssets } from "../../../generator-assets.js";
import type { NamedApi } from "../../../name/named-api.js";
import { packageVersion } from "../../package-version.js";
import { CLI_RUNTIME_MODULE, Imports, RUNTIME_MODULE } from "../../code/imports.js";
import type { FileSet } from "../../file-set.js";
import { copyReachable } from "../../code/emit-runtime.js";
import { banner, jsDoc, line } from "../../code/source-writer.js";
import { Call, Code, wrappedLiteral } from "../../code/wrapped-literal.js";
import { cliOperation, cliOptions, type CliFacts } from "./cli-program.js";
import { emitCliDocs } from "./emit-cli-docs.js";

/** The engine's module of `webhooks verify`, in src/runtime-cli/. */
const VERIFY_WEBHOOK = "verify-webhook.ts";

/**
 * The command-line style: `src/cli.ts` describes every operation as data for the engine in
 * `src/cli-runtime/` (copied verbatim, like the runtime) and calls the same standalone operation
 * functions as the other styles; docs/CLI.md documents it in seed 002's format.
 */
export function emitCli(api: NamedApi, assets: GeneratorAssets): FileSet {
  // What the engine imports at run time (reserved.ts included: completion and flag checks read it), and
  // `webhooks verify` for the packages that have it: src/cli.ts imports it, so the others leave it out.
  const files = copyReachable(assets.cliRuntime, "src/cli-runtime", api.webhooks?.verify ? [VERIFY_WEBHOOK] : []);
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
    baseURLEnv: client.baseURLEnv,
    client: new Code(`(options) => new ${client.coreClassName}(options)`),
    options: program.options,
    // A call per operation: see `operation` for why.
    operations: program.operations.map(
      ({ fn, ...described }) => new Call({ callee: "operation", args: [new Code(`operations.${fn}`), described] }),
    ),
    ...webhooksEntry(api),
  };
  const imports = new Imports("cli")
    .value(CLI_RUNTIME_MODULE, "main", "operation")
    .type(CLI_RUNTIME_MODULE, "CliProgram")
    .value("core", client.coreClassName)
    .namespace("operations/index", "operations");
  if (api.webhooks?.verify)
    imports.value(RUNTIME_MODULE, "Webhooks").value(`cli-runtime/${VERIFY_WEBHOOK.slice(0, -3)}`, "verifyWebhook");
  const head = "const program: CliProgram = ";
  return [
    // The shebang must be the first line for the built dist/cli.js to run as the package's bin.
    line("#!/usr/bin/env node"),
    banner(model.source),
    imports.text(),
    "\n",
    jsDoc({ summary: `${model.title}: the command line (\`${api.cli.bin} --help\`).` }),
    `${head}${wrappedLiteral(literal, undefined, "", head.length + 1)};\n\n`,
    // Not a top-level await: the file also compiles as CommonJS, in a project that takes `--layout sources --with-cli`.
    "void main(program);\n",
  ].join("");
}

/** `webhooks verify`'s verifier, when clientgen.yaml says how the API signs its webhooks: the runtime's, with the secret's option and variable. */
function webhooksEntry(api: NamedApi): { webhooks?: { unwrap: Code; run: Code } } {
  const verify = api.webhooks?.verify;
  if (!verify) return {};
  const args = ["options", JSON.stringify(verify.option), ...(verify.env ? [JSON.stringify(verify.env)] : [])];
  return {
    webhooks: {
      unwrap: new Code(`(options, body, headers) => new Webhooks(${args.join(", ")}).unwrap(body, headers)`),
      run: new Code("verifyWebhook"),
    },
  };
}
