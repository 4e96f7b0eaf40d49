import type { BuilderApi, NamedApi, NamedOperation } from "../../../name/named-api.js";
import { RESERVED } from "../../../name/reserved-names.js";
import { propertyKey } from "../../../ts-syntax.js";
import { clientMethods } from "../../code/client-methods.js";
import { entryExports } from "../../code/entry-exports.js";
import type { FileSet } from "../../file-set.js";
import { Imports, RUNTIME_MODULE } from "../../code/imports.js";
import { importOperationFunctions, importReturnTypes, operationReturnType } from "../../code/operation-signature.js";
import { banner, block, dataLiteral, exampleTag, INDENT, jsDoc, line } from "../../code/source-writer.js";
import { paramType, requestedStreamType, streamFlag } from "../../code/type-exprs.js";
import { Call, Code, wrappedHead, wrappedLiteral } from "../../code/wrapped-literal.js";
import { builderSetters, builderSetup, missingUnion, type BuilderSetter } from "./builder-types.js";
import { builderExample } from "./usage.js";
import { emitWebhooksApi } from "./emit-webhooks-api.js";

const IMMUTABLE =
  "Immutable: each setter returns a new builder and leaves this one unchanged;\nsetting a parameter twice keeps the last value.";

/**
 * Builder style: `new InvitesApi(options).listInvites().limit(20).execute()`. One class per API
 * (`src/apis/*.ts`), each method returning a `RequestBuilder` over the operation's standalone function,
 * and the `src/builder.ts` entry re-exporting them with the core, models, errors and runtime types.
 */
export function emitBuilder(api: NamedApi): FileSet {
  const files: FileSet = new Map();
  for (const group of api.apis) files.set(`src/${group.file}.ts`, emitApi(api, group));
  const verify = api.webhooks?.verify;
  if (verify) files.set(`src/${verify.builderFile}.ts`, emitWebhooksApi(api, verify));
  files.set("src/builder.ts", emitEntry(api));
  return files;
}

function emitEntry(api: NamedApi): string {
  const doc = jsDoc(
    { summary: `${api.model.title}: builder-style client (API version ${api.model.version}).` },
    exampleTag(builderExample(api)),
  );
  const files = [
    ...api.apis.map((group) => group.file),
    ...(api.webhooks?.verify ? [api.webhooks.verify.builderFile] : []),
  ];
  const groups = files.map((file) => line(`export * from "./${file}.js";`)).join("");
  const types = line(`export type { ${RESERVED.builderEntryTypes.join(", ")} } from "./runtime/index.js";`);
  return `${banner(api.model.source)}${doc}\n${groups}${entryExports(api)}${types}`;
}

function emitApi(api: NamedApi, group: BuilderApi): string {
  const { client } = api;
  const setters = new Map(group.operations.map((named) => [named, builderSetters(api, named)]));
  const imports = groupImports(api, group);
  const types = [...setters].map(([named, list]) => operationTypes(api, named, list, imports)).join("");
  const showcase = group.operations.find((o) => o.op.method === "get") ?? group.operations[0];
  const doc = jsDoc(
    {
      description: `Builder-style calls: each method returns a request builder; chain its setters, then call \`.execute()\`.\n${IMMUTABLE}`,
    },
    exampleTag(builderExample(api, showcase)),
  );
  const members = [
    line(`readonly #client: ${client.coreClassName};`, INDENT),
    "\n",
    jsDoc(
      {
        description: `Takes the client options, or an existing \`${client.coreClassName}\` (or \`${client.className}\`) whose configuration it then shares.`,
      },
      [],
      INDENT,
    ),
    block(
      `constructor(client: ${client.coreClassName} | ${client.optionsType} = {})`,
      line(
        `this.#client = enableMiddleware(client instanceof ${client.coreClassName} ? client : new ${client.coreClassName}(client));`,
        INDENT + INDENT,
      ),
      INDENT,
    ),
    "\n",
    clientMethods(api, group.className),
    ...[...setters].map(([named, list]) => `\n${methodText(api, named, list, imports)}`),
  ];
  return imports.file(
    banner(api.model.source),
    `${types}\n${doc}${block(`export class ${group.className}`, members.join(""))}`,
  );
}

/** The core, then, in that order, models, the operation functions, runtime and types.ts; the types add what they use as they are written. */
function groupImports(api: NamedApi, group: BuilderApi): Imports {
  const imports = new Imports(group.file)
    .value("core", api.client.coreClassName)
    .type("core", api.client.optionsType)
    .module("models");
  importOperationFunctions(imports, group.operations);
  imports
    .value(RUNTIME_MODULE, "addMiddleware")
    .value(RUNTIME_MODULE, "deriveClient")
    .value(RUNTIME_MODULE, "enableMiddleware")
    .type(RUNTIME_MODULE, "Middleware")
    .value(RUNTIME_MODULE, "requestBuilder")
    .type(RUNTIME_MODULE, "RequestBuilder");
  return importReturnTypes(imports, group.operations).module("types");
}

/**
 * The `XBuilder` interface: the runtime's RequestBuilder plus one documented, readonly setter per
 * parameter. A setter of an optional parameter returns `this`; one of a required parameter returns the
 * builder with its name taken out of `Missing`. Plain members, no mapped or conditional types per
 * operation, so a thousand operations stay cheap to type-check.
 */
function operationTypes(namedApi: NamedApi, named: NamedOperation, setters: BuilderSetter[], imports: Imports): string {
  const { type, api, method } = named.builder;
  const result = operationReturnType(namedApi, named, imports);
  if (setters.length === 0) {
    const doc = jsDoc({ description: `What \`${api}.${method}()\` returns: call \`.execute()\` to send the request.` });
    return `\n${doc}${line(`export interface ${type} extends RequestBuilder<${result}> {}`)}`;
  }
  const streamed = requestedStreamType(namedApi, named);
  const required = setters.filter((s) => s.required).map((s) => `\`.${s.name}(…)\``);
  const need = required.length
    ? ` \`.execute()\` type-checks once ${required.join(" and ")} ${required.length > 1 ? "have" : "has"} been called.`
    : "";
  const doc = jsDoc(
    {
      description: `What \`${api}.${method}()\` returns: set parameters with its setters, then call \`.execute()\`.${need}\n${IMMUTABLE}`,
    },
    [
      "@typeParam Missing - the required setters not called yet.",
      ...(streamed
        ? [
            `@typeParam Result - what \`execute()\` resolves to: the Stream once the body says \`${streamFlag(named)}: true\`, else the JSON.`,
          ]
        : []),
    ],
  );
  const names = setters.map((s) => JSON.stringify(s.name)).join(" | ");
  const members = setters.map((s) => {
    const next = (missing: string, res = streamed ? "Result" : "") => `${type}<${missing}${res ? `, ${res}` : ""}>`;
    const left = s.required ? `Exclude<Missing, ${JSON.stringify(s.name)}>` : "Missing";
    const value = imports.typeText(s.type);
    const setter =
      streamed && s.key === undefined
        ? block(
            `readonly ${propertyKey(s.name)}:`,
            streamSetterOverloads(value, propertyKey(streamFlag(named)), imports.typeText(streamed), named.responseType)
              .map(([arg, res]) => line(`(value: ${arg}): ${next(left, res)};`, INDENT + INDENT))
              .join(""),
            INDENT,
          ).replace(/\n$/, ";\n")
        : line(
            `readonly ${propertyKey(s.name)}: (value: ${value}) => ${s.required || streamed ? next(left) : "this"};`,
            INDENT,
          );
    return jsDoc(s.param?.param ?? named.op.body, setterNotes(named, s), INDENT) + setter;
  });
  const typeParams = `Missing extends ${names} = ${missingUnion(setters)}${streamed ? `, Result = ${named.responseType}` : ""}`;
  const base = streamed ? "RequestBuilder<APIPromise<Result>, Missing>" : `RequestBuilder<${result}, Missing>`;
  return `\n${doc}${block(`export interface ${type}<${typeParams}> extends ${base}`, members.join(""))}`;
}

/**
 * The body setter of an operation that streams on request, as overloads: `stream: true` makes `execute()`
 * resolve to the Stream, `stream` false, null or absent to the JSON, a `boolean` to either.
 */
function streamSetterOverloads(body: string, flag: string, stream: string, json: string): Array<[string, string]> {
  return [
    [`${body} & { ${flag}: true }`, stream],
    [`${body} & { ${flag}?: false | null }`, json],
    [body, `${json} | ${stream}`],
  ];
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

function methodText(api: NamedApi, named: NamedOperation, setters: BuilderSetter[], imports: Imports): string {
  const pathDocs = named.pathArgs
    .filter((a) => a.param.description)
    .map((a) => `@param ${a.key} - ${a.param.description!.replace(/\s+/g, " ").trim()}`);
  const list = setters.map((s) => `\`.${s.name}(…)\`${s.required ? " (required)" : ""}`).join(", ");
  const chain = setters.length
    ? `Returns a builder: set ${list}, then call \`.execute()\`.`
    : "Returns a builder: call `.execute()` to send the request.";
  // The docs page's example of this operation, so an editor's hover shows the same program.
  const example = exampleTag(builderExample(api, named));
  const doc = jsDoc(
    named.op,
    [`${named.op.method.toUpperCase()} ${named.op.path}`, "", chain, ...pathDocs, "", ...example],
    INDENT,
  );
  const params = named.pathArgs.map((a) => `${a.key}: ${imports.typeText(paramType(api, a.param))}`);
  const pathKeys = named.pathArgs.map((a) => a.key).join(", ");
  const args = [builderSetup(named, setters), new Code("this.#client"), new Code(named.fn), new Code(`[${pathKeys}]`)];
  const call = new Call({ callee: `requestBuilder<${named.builder.type}>`, args });
  // Wrapped as if at the margin, then indented with the rest by `line`.
  const used = `${INDENT}${INDENT}return ;`.length;
  const body = line(`return ${wrappedLiteral(call, undefined, "", used)};`, INDENT + INDENT);
  return doc + block(wrappedHead(named.builder.method, params, named.builder.type, INDENT), body, INDENT);
}
