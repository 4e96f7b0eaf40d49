import type CodeBlockWriter from "code-block-writer";
import type { BuilderApi, NamedApi, NamedOperation } from "../../../name/named-api.js";
import { RESERVED } from "../../../name/reserved-names.js";
import { propertyKey } from "../../../ts-syntax.js";
import { writeEntryExports } from "../../entry-exports.js";
import type { FileSet } from "../../file-set.js";
import { Imports } from "../../imports.js";
import { importOperationFunctions, importReturnTypes, operationReturnType } from "../../operation-signature.js";
import { banner, dataLiteral, newWriter, writeJsDoc } from "../../source-writer.js";
import { paramType } from "../../type-exprs.js";
import { builderSetters, builderSetup, missingUnion, type BuilderSetter } from "./builder-types.js";
import { builderExample } from "./usage.js";

const RUNTIME = "runtime/index";
const IMMUTABLE = "Immutable: each setter returns a new builder and leaves this one unchanged;\nsetting a parameter twice keeps the last value.";

/**
 * Builder style: `new InvitesApi(options).listInvites().limit(20).execute()`. One class per API
 * (`src/apis/*.ts`), each method returning a `RequestBuilder` over the operation's standalone function,
 * and the `src/builder.ts` entry re-exporting them with the core, models, errors and runtime types.
 */
export function emitBuilder(api: NamedApi): FileSet {
  const files: FileSet = new Map();
  for (const group of api.apis) files.set(`src/${group.file}.ts`, emitApi(api, group));
  files.set("src/builder.ts", emitEntry(api));
  return files;
}

function emitEntry(api: NamedApi): string {
  const w = newWriter();
  w.write(banner(api.model.source));
  writeJsDoc(w, { summary: `${api.model.title}: builder-style client (API version ${api.model.version}).` }, ["@example", ...builderExample(api).split("\n")]);
  w.writeLine("");
  for (const group of api.apis) w.writeLine(`export * from "./${group.file}.js";`);
  writeEntryExports(w, api);
  w.writeLine(`export type { ${RESERVED.builderEntryTypes.join(", ")} } from "./runtime/index.js";`);
  return w.toString();
}

function emitApi(api: NamedApi, group: BuilderApi): string {
  const { client } = api;
  const w = newWriter();
  const setters = new Map(group.operations.map((named) => [named, builderSetters(api, named)]));
  const imports = groupImports(api, group);
  for (const [named, list] of setters) writeOperationTypes(w, named, list, imports);
  w.blankLine();
  const showcase = group.operations.find((o) => o.op.method === "get") ?? group.operations[0];
  writeJsDoc(w, { description: `Builder-style calls: each method returns a request builder; chain its setters, then call \`.execute()\`.\n${IMMUTABLE}` }, [
    "@example",
    ...builderExample(api, showcase).split("\n"),
  ]);
  w.write(`export class ${group.className}`).block(() => {
    w.writeLine("readonly #client: ClientCore;");
    w.blankLine();
    writeJsDoc(w, { description: `Takes the client options, or an existing \`${client.coreClassName}\` (or \`${client.className}\`) whose configuration it then shares.` });
    w.write(`constructor(client: ${client.coreClassName} | ${client.optionsType} = {})`).block(() => {
      w.writeLine(`this.#client = client instanceof ${client.coreClassName} ? client : new ${client.coreClassName}(client);`);
    });
    for (const [named, list] of setters) {
      w.blankLine();
      writeMethod(w, api, named, list, imports);
    }
  });
  w.newLine();
  return imports.file(banner(api.model.source), w.toString());
}

/** The core, then, in that order, models, the operation functions, runtime and types.ts; the types add what they use as they are written. */
function groupImports(api: NamedApi, group: BuilderApi): Imports {
  const imports = new Imports(group.file).value("core", api.client.coreClassName).type("core", api.client.optionsType).module("models");
  importOperationFunctions(imports, group.operations);
  imports.type(RUNTIME, "ClientCore").value(RUNTIME, "requestBuilder").type(RUNTIME, "RequestBuilder");
  return importReturnTypes(imports, group.operations).module("types");
}

/**
 * The `XBuilder` interface: the runtime's RequestBuilder plus one documented, readonly setter per
 * parameter. A setter of an optional parameter returns `this`; one of a required parameter returns the
 * builder with its name taken out of `Missing`. Plain members, no mapped or conditional types per
 * operation, so a thousand operations stay cheap to type-check.
 */
function writeOperationTypes(w: CodeBlockWriter, named: NamedOperation, setters: BuilderSetter[], imports: Imports): void {
  const { type, api, method } = named.builder;
  const result = operationReturnType(named, imports);
  w.blankLine();
  if (setters.length === 0) {
    writeJsDoc(w, { description: `What \`${api}.${method}()\` returns: call \`.execute()\` to send the request.` });
    w.writeLine(`export interface ${type} extends RequestBuilder<${result}> {}`);
    return;
  }
  const required = setters.filter((s) => s.required).map((s) => `\`.${s.name}(…)\``);
  const need = required.length ? ` \`.execute()\` type-checks once ${required.join(" and ")} ${required.length > 1 ? "have" : "has"} been called.` : "";
  writeJsDoc(w, { description: `What \`${api}.${method}()\` returns: set parameters with its setters, then call \`.execute()\`.${need}\n${IMMUTABLE}` }, [
    "@typeParam Missing - the required setters not called yet.",
  ]);
  const names = setters.map((s) => JSON.stringify(s.name)).join(" | ");
  w.write(`export interface ${type}<Missing extends ${names} = ${missingUnion(setters)}> extends RequestBuilder<${result}, Missing>`).block(() => {
    for (const s of setters) {
      writeJsDoc(w, s.param?.param ?? named.op.body, setterNotes(named, s));
      const next = s.required ? `${type}<Exclude<Missing, ${JSON.stringify(s.name)}>>` : "this";
      w.writeLine(`readonly ${propertyKey(s.name)}: (value: ${imports.typeText(s.type)}) => ${next};`);
    }
  });
}

function setterNotes(named: NamedOperation, s: BuilderSetter): string[] {
  const notes: string[] = [];
  if (s.param) {
    const p = s.param;
    notes.push(`Sent as ${p.param.in} \`${p.param.name}\`.`);
    if (p.clientOption) notes.push(`Defaults to the client's \`${p.clientOption}\` option.`);
  } else {
    const body = named.op.body!;
    notes.push(`The request body (\`${body.contentType}\`)${named.bodyMode === "fields" ? ", as one object" : ""}.`);
  }
  if (s.required) notes.push("Required.");
  return notes;
}

function writeMethod(w: CodeBlockWriter, api: NamedApi, named: NamedOperation, setters: BuilderSetter[], imports: Imports): void {
  const pathDocs = named.pathArgs.filter((a) => a.param.description).map((a) => `@param ${a.key} - ${a.param.description!.replace(/\s+/g, " ").trim()}`);
  const list = setters.map((s) => `\`.${s.name}(…)\`${s.required ? " (required)" : ""}`).join(", ");
  const chain = setters.length ? `Returns a builder: set ${list}, then call \`.execute()\`.` : "Returns a builder: call `.execute()` to send the request.";
  writeJsDoc(w, named.op, [`${named.op.method.toUpperCase()} ${named.op.path}`, "", chain, ...pathDocs]);
  const args = named.pathArgs.map((a) => `${a.key}: ${imports.typeText(paramType(api, a.param))}`);
  const pathKeys = named.pathArgs.map((a) => a.key).join(", ");
  const setup = dataLiteral(builderSetup(named, setters));
  w.write(`${named.builder.method}(${args.join(", ")}): ${named.builder.type}`).block(() => {
    w.writeLine(`return requestBuilder<${named.builder.type}>(${setup}, this.#client, ${named.fn}, [${pathKeys}]);`);
  });
}
