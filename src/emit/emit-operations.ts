import type CodeBlockWriter from "code-block-writer";
import type { NamedApi, NamedOperation } from "../name/named-api.js";
import type { FileSet } from "./file-set.js";
import { operationSpec } from "./operation-spec.js";
import { codeLiteral, runtimeRefs } from "./runtime-ref.js";
import { banner, newWriter, writeJsDoc } from "./source-writer.js";
import { hasParamsArg, paramsRequired, pathArgType } from "./type-exprs.js";

/**
 * `src/operations/*.ts`: one standalone, tree-shakeable function per operation, taking the client
 * core as its first argument. The flat and builder styles both delegate to these.
 */
export function emitOperations(api: NamedApi): FileSet {
  const files: FileSet = new Map();
  const groups = new Map<string, NamedOperation[]>();
  for (const named of api.operations) groups.set(named.module, [...(groups.get(named.module) ?? []), named]);
  for (const [module, ops] of groups) files.set(`src/${module}.ts`, emitGroup(api, ops));
  const index = newWriter();
  index.write(banner(api.model.source));
  for (const module of [...groups.keys()].sort()) index.writeLine(`export * from "./${module.slice("operations/".length)}.js";`);
  if (groups.size === 0) index.writeLine("export {};");
  files.set("src/operations/index.ts", index.toString());
  return files;
}

function emitGroup(api: NamedApi, ops: NamedOperation[]): string {
  const w = newWriter();
  w.write(banner(api.model.source));
  const paged = ops.some((o) => o.op.pagination);
  const plain = ops.some((o) => !o.op.pagination);
  // Body encoders and query styles the group's operations name, so bundles carry only those.
  const refs = runtimeRefs(ops.map((o) => operationSpec(api, o)));
  const runtime = ["type ClientCore", "type OperationSpec", "type RequestOptions", ...(plain ? ["type APIPromise"] : []), ...(paged ? ["type PagePromise", "requestPage"] : []), ...refs];
  w.writeLine(`import { ${runtime.join(", ")} } from "../runtime/index.js";`);
  const types = new Set<string>();
  for (const o of ops) {
    if (hasParamsArg(o)) types.add(o.paramsType);
    types.add(o.itemType ?? o.responseType);
  }
  w.writeLine(`import type { ${[...types].sort().join(", ")} } from "../models.js";`);
  if (ops.some((o) => o.pathArgs.some((a) => pathArgType(a.param).includes("paths[")))) w.writeLine(`import type { paths } from "../types.js";`);
  for (const named of ops) writeOperation(w, api, named);
  return w.toString();
}

/** `name(client, pathArg…, params?, options?)` and the argument list the call passes on. */
export function signature(named: NamedOperation, first: string[]): { params: string[]; call: string } {
  const params = [...first, ...named.pathArgs.map((a) => `${a.key}: ${pathArgType(a.param)}`)];
  let paramsArg = "undefined";
  if (hasParamsArg(named)) {
    params.push(`params${paramsRequired(named) ? "" : "?"}: ${named.paramsType}`);
    paramsArg = "params";
  }
  params.push("options?: RequestOptions");
  return { params, call: `${pathArgsLiteral(named)}, ${paramsArg}, options` };
}

/** The path arguments by wire name: `{ owner, repo }`, `{ invite_id: inviteId }`. */
function pathArgsLiteral(named: NamedOperation): string {
  if (!named.pathArgs.length) return "{}";
  const entries = named.pathArgs.map(({ key, param: { name } }) => (name === key ? key : `${propertyKey(name)}: ${key}`));
  return `{ ${entries.join(", ")} }`;
}

/** An object literal key for `name`; `__proto__` is computed, since as a plain key it would set the prototype. */
function propertyKey(name: string): string {
  if (name === "__proto__") return `["__proto__"]`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

export function returnType(named: NamedOperation): string {
  return named.itemType ? `PagePromise<${named.itemType}>` : `APIPromise<${named.responseType}>`;
}

function writeOperation(w: CodeBlockWriter, api: NamedApi, named: NamedOperation): void {
  const specName = `${named.fn}Spec`;
  w.blankLine();
  w.writeLine(`const ${specName}: OperationSpec = ${codeLiteral(operationSpec(api, named))};`);
  w.blankLine();
  writeJsDoc(w, named.op, [`${named.op.method.toUpperCase()} ${named.op.path}`]);
  const { params, call } = signature(named, ["client: ClientCore"]);
  w.write(`export function ${named.fn}(${params.join(", ")}): ${returnType(named)}`).block(() => {
    w.writeLine(named.itemType ? `return requestPage<${named.itemType}>(client, ${specName}, ${call});` : `return client.request<${named.responseType}>(${specName}, ${call});`);
  });
}
