import type CodeBlockWriter from "code-block-writer";
import type { FlatResource, NamedApi, NamedOperation } from "../../../name/named-api.js";
import { writeEntryExports } from "../../entry-exports.js";
import type { FileSet } from "../../file-set.js";
import { Imports } from "../../imports.js";
import { importOperationFunctions, importReturnTypes, operationReturnType, operationSignature } from "../../operation-signature.js";
import { banner, newWriter, writeJsDoc } from "../../source-writer.js";
import { hasParamsArg } from "../../type-exprs.js";

const RUNTIME = "runtime/index";

/** Flat style: `client.user.invites.list()`, one class per resource, methods delegating to the operations. */
export function emitFlat(api: NamedApi): FileSet {
  const files: FileSet = new Map();
  const visit = (node: FlatResource) => {
    if (node.path.length > 0) files.set(`src/${node.file}.ts`, emitResource(api, node));
    node.children.forEach(visit);
  };
  visit(api.flat);
  files.set("src/index.ts", emitIndex(api));
  return files;
}

/** The operation functions and child classes a node's file calls, then, in that order, models, runtime and types.ts. */
function nodeImports(node: FlatResource, imports: Imports): Imports {
  importOperationFunctions(imports, node.operations);
  for (const child of node.children) imports.value(child.file, child.className);
  imports.module("models");
  if (node.path.length > 0) imports.value(RUNTIME, "APIResource");
  if (node.operations.length) imports.type(RUNTIME, "RequestOptions");
  return importReturnTypes(imports, node.operations).module("types");
}

/** Sub-resources as properties, then one method per operation. */
function writeMembers(w: CodeBlockWriter, api: NamedApi, node: FlatResource, imports: Imports, clientExpr: string, hasMembersAbove: boolean): void {
  for (const child of node.children) {
    w.writeLine(`readonly ${child.property}: ${child.className} = new ${child.className}(${clientExpr});`);
  }
  node.operations.forEach((named, i) => {
    if (i > 0 || hasMembersAbove || node.children.length > 0) w.blankLine();
    writeMethod(w, api, named, imports, clientExpr);
  });
}

function writeMethod(w: CodeBlockWriter, api: NamedApi, named: NamedOperation, imports: Imports, clientExpr: string): void {
  writeJsDoc(w, named.op, [`${named.op.method.toUpperCase()} ${named.op.path}`]);
  const { params } = operationSignature(api, named, [], imports);
  const args = [clientExpr, ...named.pathArgs.map((a) => a.key), ...(hasParamsArg(named) ? ["params"] : []), "options"];
  w.write(`${named.flat.method}(${params.join(", ")}): ${operationReturnType(named, imports)}`).block(() => {
    w.writeLine(`return ${named.fn}(${args.join(", ")});`);
  });
}

function emitResource(api: NamedApi, node: FlatResource): string {
  const imports = nodeImports(node, new Imports(node.file));
  const body = newWriter();
  body.blankLine();
  writeJsDoc(body, { description: `\`client.${node.path.join(".")}\`` });
  body.write(`export class ${node.className} extends APIResource`).block(() => writeMembers(body, api, node, imports, "this._client", false));
  return imports.file(banner(api.model.source), body.toString());
}


function emitIndex(api: NamedApi): string {
  const { client } = api;
  const imports = nodeImports(api.flat, new Imports("index").value("core", client.coreClassName).type("core", client.optionsType));
  const w = newWriter();
  w.blankLine();
  writeJsDoc(w, { summary: `${api.model.title} client (API version ${api.model.version}).`, ...(api.model.description ? { description: api.model.description } : {}) }, [
    "@example",
    `const client = new ${client.className}();`,
  ]);
  w.write(`export class ${client.className} extends ${client.coreClassName}`).block(() => {
    w.write(`constructor(options?: ${client.optionsType})`).block(() => w.writeLine("super(options);"));
    writeMembers(w, api, api.flat, imports, "this", true);
  });
  w.blankLine();
  w.writeLine(`export default ${client.className};`);
  writeEntryExports(w, api);
  return imports.file(banner(api.model.source), w.toString());
}
