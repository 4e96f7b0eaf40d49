import type { NamedApi, NamedOperation } from "../../name/named-api.js";
import type { FileSet } from "../file-set.js";
import { Imports, RUNTIME_MODULE } from "./imports.js";
import {
  importReturnTypes,
  operationReturnType,
  operationSignature,
  pageBodyType,
  resolvedType,
  streamOverloads,
} from "./operation-signature.js";
import { operationSpec, type OperationSpecData } from "./operation-spec.js";
import { codeLiteral, runtimeRefs } from "./runtime-ref.js";
import { banner, block, INDENT, jsDoc, line } from "./source-writer.js";
import { wrappedHead } from "./wrapped-literal.js";

/**
 * `src/operations/*.ts`: one standalone, tree-shakeable function per operation, taking the client
 * core as its first argument. The flat and builder styles both delegate to these.
 */
export function emitOperations(api: NamedApi): FileSet {
  const files: FileSet = new Map();
  const groups = new Map<string, NamedOperation[]>();
  for (const named of api.operations) {
    const group = groups.get(named.module);
    if (group) group.push(named);
    else groups.set(named.module, [named]);
  }
  for (const [module, ops] of groups) files.set(`src/${module}.ts`, emitGroup(api, module, ops));
  const modules = [...groups.keys()].sort();
  const reexports = modules.map((module) => line(`export * from "./${module.slice("operations/".length)}.js";`));
  files.set(
    "src/operations/index.ts",
    banner(api.model.source) + (modules.length ? reexports.join("") : line("export {};")),
  );
  return files;
}

function emitGroup(api: NamedApi, module: string, ops: NamedOperation[]): string {
  const specs = ops.map((named) => operationSpec(api, named));
  const imports = importReturnTypes(
    new Imports(module).type(RUNTIME_MODULE, "ClientCore", "OperationSpec", "RequestOptions"),
    ops,
  );
  if (ops.some((o) => o.itemType)) imports.value(RUNTIME_MODULE, "requestPage");
  // Body encoders and query styles the group's operations name, so bundles carry only those.
  imports
    .value(RUNTIME_MODULE, ...runtimeRefs(specs))
    .module("models")
    .module("types");
  const body = ops.map((named, i) => operationText(api, named, specs[i]!, imports)).join("");
  return imports.file(banner(api.model.source), body);
}

function operationText(api: NamedApi, named: NamedOperation, spec: OperationSpecData, imports: Imports): string {
  const head = `const ${named.specConst}: OperationSpec = `;
  const constant = line(`${head}${codeLiteral(spec, "", head.length + 1)};`);
  const doc = jsDoc(named.op, [`${named.op.method.toUpperCase()} ${named.op.path}`]);
  const { client } = api.locals;
  const { params, call } = operationSignature(api, named, [`${client}: ClientCore`], imports);
  const returns = operationReturnType(api, named, imports);
  const result = named.itemType
    ? `return requestPage<${named.itemType}, ${pageBodyType(api, named, imports)}>(${client}, ${named.specConst}, ${call});`
    : `return ${client}.request<${resolvedType(api, named, imports)}>(${named.specConst}, ${call});`;
  const overloads = streamOverloads(api, named, [`${client}: ClientCore`], imports)
    .map((o) => line(`${wrappedHead(`export function ${named.fn}`, o.params, o.returns)};`))
    .join("");
  return `\n${constant}\n${doc}${overloads}${block(wrappedHead(`export function ${named.fn}`, params, returns), line(result, INDENT))}`;
}
