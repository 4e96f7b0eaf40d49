import type { FlatResource, NamedApi, NamedOperation } from "../../../name/named-api.js";
import { clientMethods } from "../../code/client-methods.js";
import { entryExports } from "../../code/entry-exports.js";
import type { FileSet } from "../../file-set.js";
import { Imports, RUNTIME_MODULE } from "../../code/imports.js";
import {
  importOperationFunctions,
  importReturnTypes,
  operationReturnType,
  operationSignature,
  streamOverloads,
} from "../../code/operation-signature.js";
import { banner, block, exampleTag, INDENT, jsDoc, line } from "../../code/source-writer.js";
import { hasParamsArg } from "../../code/type-exprs.js";
import { wrappedHead } from "../../code/wrapped-literal.js";
import { secretText } from "../../code/webhook-types.js";
import { flatExample, flatUsage } from "./usage.js";

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
  if (node.path.length > 0) imports.value(RUNTIME_MODULE, "APIResource");
  if (node.operations.length) imports.type(RUNTIME_MODULE, "RequestOptions");
  return importReturnTypes(imports, node.operations).module("types");
}

/** Sub-resources as properties, then one method per operation, as class members (text at `INDENT`). */
function members(
  api: NamedApi,
  node: FlatResource,
  imports: Imports,
  clientExpr: string,
  hasMembersAbove: boolean,
): string {
  const out = node.children.map((child) =>
    line(`readonly ${child.property}: ${child.className} = new ${child.className}(${clientExpr});`, INDENT),
  );
  node.operations.forEach((named, i) => {
    if (i > 0 || hasMembersAbove || node.children.length > 0) out.push("\n");
    out.push(methodText(api, named, imports, clientExpr));
  });
  return out.join("");
}

function methodText(api: NamedApi, named: NamedOperation, imports: Imports, clientExpr: string): string {
  // The docs page's example of this operation, so an editor's hover shows the same program.
  const example = exampleTag(flatExample(api, named));
  const doc = jsDoc(named.op, [`${named.op.method.toUpperCase()} ${named.op.path}`, "", ...example], INDENT);
  const { params } = operationSignature(api, named, [], imports);
  const { locals } = api;
  const args = [
    clientExpr,
    ...named.pathArgs.map((a) => a.key),
    ...(hasParamsArg(named) ? [locals.params] : []),
    locals.options,
  ];
  const overloads = streamOverloads(api, named, [], imports)
    .map((o) => line(`${wrappedHead(named.flat.method, o.params, o.returns, INDENT)};`, INDENT))
    .join("");
  return (
    doc +
    overloads +
    block(
      wrappedHead(named.flat.method, params, operationReturnType(api, named, imports), INDENT),
      line(`return ${named.fn}(${args.join(", ")});`, INDENT + INDENT),
      INDENT,
    )
  );
}

function emitResource(api: NamedApi, node: FlatResource): string {
  const imports = nodeImports(node, new Imports(node.file));
  const doc = jsDoc({ description: `\`client.${node.path.join(".")}\`` });
  const body = block(
    `export class ${node.className} extends APIResource`,
    members(api, node, imports, "this._client", false),
  );
  return imports.file(banner(api.model.source), `\n${doc}${body}`);
}

function emitIndex(api: NamedApi): string {
  const { client } = api;
  const imports = nodeImports(api.flat, new Imports("index").value("core", client.coreClassName));
  imports
    .type("core", client.optionsType)
    .value(RUNTIME_MODULE, "addMiddleware")
    .value(RUNTIME_MODULE, "deriveClient")
    .value(RUNTIME_MODULE, "intercept")
    .type(RUNTIME_MODULE, "Middleware");
  const doc = jsDoc(
    {
      summary: `${api.model.title} client (API version ${api.model.version}).`,
      ...(api.model.description ? { description: api.model.description } : {}),
    },
    exampleTag(flatUsage(api).code),
  );
  // No constructor: the core's, which takes the same options, is inherited.
  const body = block(
    `export class ${client.className} extends ${client.coreClassName}`,
    webhooksMember(api, imports) + members(api, api.flat, imports, "this", true) + "\n" + clientMethods(api),
  );
  return imports.file(
    banner(api.model.source),
    `\n${doc}${body}\n${line(`export default ${client.className};`)}${entryExports(api)}`,
  );
}

/** `client.webhooks`, when clientgen.yaml says how the API signs them: verifies and types what it sends. */
function webhooksMember(api: NamedApi, imports: Imports): string {
  const verify = api.webhooks?.verify;
  if (!verify) return "";
  imports.value(RUNTIME_MODULE, "Webhooks").type("models", api.webhooks!.union);
  const doc = jsDoc(
    {
      description: `Webhooks the API sends: \`unwrap(body, headers, secret?)\` verifies the Standard Webhooks signature\nand returns the typed event; \`verifySignature(...)\` only checks. ${secretText(verify)}`,
    },
    [],
    INDENT,
  );
  const args = [`this.options`, JSON.stringify(verify.option), ...(verify.env ? [JSON.stringify(verify.env)] : [])];
  const head = `readonly ${verify.property}: Webhooks<${api.webhooks!.union}> = new Webhooks(`;
  return doc + line(`${head}${args.join(", ")});`, INDENT) + "\n";
}
