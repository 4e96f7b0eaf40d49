import type CodeBlockWriter from "code-block-writer";
import type { FlatResource, NamedApi, NamedOperation } from "../../../name/named-api.js";
import { returnType, signature } from "../../emit-operations.js";
import type { FileSet } from "../../file-set.js";
import { banner, newWriter, writeJsDoc } from "../../source-writer.js";
import { hasParamsArg, pathArgType } from "../../type-exprs.js";
import { writeIndexExports } from "./index-exports.js";

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

function relativeTo(fromFile: string, target: string): string {
  const depth = fromFile.split("/").length - 1;
  return `${depth === 0 ? "./" : "../".repeat(depth)}${target}.js`;
}

function writeImports(w: CodeBlockWriter, api: NamedApi, node: FlatResource, fromFile: string): void {
  const modules = new Map<string, string[]>();
  for (const named of node.operations) modules.set(named.module, [...(modules.get(named.module) ?? []), named.fn]);
  for (const [module, fns] of [...modules].sort(([a], [b]) => (a < b ? -1 : 1))) w.writeLine(`import { ${fns.join(", ")} } from "${relativeTo(fromFile, module)}";`);
  for (const child of node.children) w.writeLine(`import { ${child.className} } from "${relativeTo(fromFile, child.file)}";`);
  const types = new Set<string>();
  for (const o of node.operations) {
    if (hasParamsArg(o)) types.add(o.paramsType);
    types.add(o.itemType ?? o.responseType);
  }
  if (types.size) w.writeLine(`import type { ${[...types].sort().join(", ")} } from "${relativeTo(fromFile, "models")}";`);
  const runtime = ["type RequestOptions"];
  if (node.operations.some((o) => !o.itemType)) runtime.push("type APIPromise");
  if (node.operations.some((o) => o.itemType)) runtime.push("type PagePromise");
  if (node.path.length > 0) runtime.unshift("APIResource");
  if (node.operations.length || node.path.length) w.writeLine(`import { ${runtime.join(", ")} } from "${relativeTo(fromFile, "runtime/index")}";`);
  if (node.operations.some((o) => o.pathArgs.some((a) => pathArgType(a.param).includes("paths[")))) w.writeLine(`import type { paths } from "${relativeTo(fromFile, "types")}";`);
}

/** Sub-resources as properties, then one method per operation. */
export function writeMembers(w: CodeBlockWriter, node: FlatResource, clientExpr: string, hasMembersAbove: boolean): void {
  for (const child of node.children) {
    w.writeLine(`readonly ${child.property}: ${child.className} = new ${child.className}(${clientExpr});`);
  }
  node.operations.forEach((named, i) => {
    if (i > 0 || hasMembersAbove || node.children.length > 0) w.blankLine();
    writeMethod(w, named, clientExpr);
  });
}

function writeMethod(w: CodeBlockWriter, named: NamedOperation, clientExpr: string): void {
  writeJsDoc(w, named.op, [`${named.op.method.toUpperCase()} ${named.op.path}`]);
  const { params } = signature(named, []);
  const args = [clientExpr, ...named.pathArgs.map((a) => a.key), ...(hasParamsArg(named) ? ["params"] : []), "options"];
  w.write(`${named.flat.method}(${params.join(", ")}): ${returnType(named)}`).block(() => {
    w.writeLine(`return ${named.fn}(${args.join(", ")});`);
  });
}

function emitResource(api: NamedApi, node: FlatResource): string {
  const w = newWriter();
  w.write(banner(api.model.source));
  writeImports(w, api, node, node.file);
  w.blankLine();
  writeJsDoc(w, { description: `\`client.${node.path.join(".")}\`` });
  w.write(`export class ${node.className} extends APIResource`).block(() => writeMembers(w, node, "this._client", false));
  return w.toString();
}

function emitIndex(api: NamedApi): string {
  const { client } = api;
  const w = newWriter();
  w.write(banner(api.model.source));
  w.writeLine(`import { ${client.coreClassName}, type ${client.optionsType} } from "./core.js";`);
  writeImports(w, api, api.flat, "index");
  w.blankLine();
  writeJsDoc(w, { summary: `${api.model.title} client (API version ${api.model.version}).`, ...(api.model.description ? { description: api.model.description } : {}) }, [
    "@example",
    `const client = new ${client.className}();`,
  ]);
  w.write(`export class ${client.className} extends ${client.coreClassName}`).block(() => {
    w.write(`constructor(options?: ${client.optionsType})`).block(() => w.writeLine("super(options);"));
    writeMembers(w, api.flat, "this", true);
  });
  w.blankLine();
  w.writeLine(`export default ${client.className};`);
  writeIndexExports(w, api);
  return w.toString();
}
