import type { NamedApi, NamedOperation } from "../../name/named-api.js";
import { propertyKey } from "../../ts-syntax.js";
import type { FileSet } from "../file-set.js";
import { banner, block, INDENT, jsDoc, line } from "./source-writer.js";
import { Imports } from "./imports.js";
import { webhookTypes } from "./webhook-types.js";
import {
  bodyFieldType,
  bodyType,
  indexedType,
  itemTypeExpr,
  paramType,
  resultType,
  schemaAlias,
} from "./type-exprs.js";

/** `src/models.ts`: readable aliases for every schema, and the params/response types of every operation. */
export function emitModels(api: NamedApi): FileSet {
  const imports = new Imports("models");
  const out: string[] = [];
  const docs = new Map(api.model.schemas.map((s) => [s.name, s]));
  for (const { name, alias } of api.schemas) {
    out.push(jsDoc(docs.get(name)));
    imports.type("types", "components");
    out.push(line(`export type ${alias} = components["schemas"][${JSON.stringify(name)}];`));
  }
  for (const named of api.operations) out.push(operationTypes(api, named, imports));
  out.push(webhookTypes(api, imports));
  if (api.schemas.length === 0 && api.operations.length === 0 && !api.webhooks) out.push(line("export {};"));
  return new Map([["src/models.ts", imports.file(banner(api.model.source), out.join(""))]]);
}

function operationTypes(api: NamedApi, named: NamedOperation, imports: Imports): string {
  const { op } = named;
  const out = ["\n", paramsType(api, named, imports)];
  const result = resultType(api, named);
  // A response that is a schema's alias needs no alias of its own (the name stage gave it that name).
  if (result.text !== named.responseType) {
    out.push(
      jsDoc({
        description: `What \`${named.fn}\` resolves to${op.success?.description ? `: ${op.success.description}` : "."}`,
      }),
    );
    out.push(line(`export type ${named.responseType} = ${imports.typeText(result)};`));
  }
  if (named.errorsType) out.push(errorsType(api, named, named.errorsType, imports));
  if (named.itemType) {
    out.push(jsDoc({ description: `One item of the list \`${named.fn}\` pages through.` }));
    out.push(line(`export type ${named.itemType} = ${imports.typeText(itemTypeExpr(api, named))};`));
  }
  return out.join("");
}

/**
 * The params type of an operation: an interface with a JSDoc block per member, like openai-node's
 * `ChatCompletionCreateParams`: the body's fields (when spread) then the query, header and cookie
 * parameters, or the whole body as `body`.
 */
function paramsType(api: NamedApi, named: NamedOperation, imports: Imports): string {
  const body = named.op.body;
  const fields = body && named.bodyMode === "fields" ? body.fields : [];
  if (!fields.length && !named.params.length && !(body && named.bodyMode === "whole")) return "";
  const out: string[] = [];
  for (const f of fields) {
    out.push(jsDoc(f, [], INDENT));
    out.push(
      line(
        `${propertyKey(f.name)}${f.required ? "" : "?"}: ${imports.typeText(bodyFieldType(api, named, f))};`,
        INDENT,
      ),
    );
  }
  for (const p of named.params) {
    const extra = p.clientOption ? [`Defaults to the client's \`${p.clientOption}\` option.`] : [];
    const sent = p.param.in === "query" && p.key === p.param.name ? [] : [`Sent as ${p.param.in} \`${p.param.name}\`.`];
    out.push(jsDoc(p.param, [...sent, ...extra], INDENT));
    const optional = !p.param.required || !!p.clientOption;
    out.push(
      line(`${propertyKey(p.key)}${optional ? "?" : ""}: ${imports.typeText(paramType(api, p.param))};`, INDENT),
    );
  }
  const bodyExpr = bodyType(api, named);
  if (body && bodyExpr && named.bodyMode === "whole") {
    out.push(jsDoc(body, [], INDENT));
    out.push(line(`body${body.required ? "" : "?"}: ${imports.typeText(bodyExpr)};`, INDENT));
  }
  if (fields.length && body?.otherFields) {
    out.push(jsDoc({ description: "Other body fields: the schema takes properties it does not list." }, [], INDENT));
    out.push(line("[field: string]: unknown;", INDENT));
  }
  const doc = jsDoc({
    description: `Parameters of \`${named.fn}\`${fields.length ? " (body fields and parameters together)" : ""}.`,
  });
  return `${doc}${block(`export interface ${named.paramsType}`, out.join(""))}`;
}

/** The error bodies the spec declares, by status: `(err as ConflictError<InviteUserErrors[409]>).body`. */
function errorsType(api: NamedApi, named: NamedOperation, name: string, imports: Imports): string {
  const out = [
    jsDoc({ description: `Error bodies of \`${named.fn}\` by HTTP status, for typing \`APIError.body\`.` }),
    line(`export type ${name} = {`),
  ];
  for (const e of named.op.errors) {
    if (e.kind !== "json" || !e.type) continue;
    const type = schemaAlias(api, e.schema.ref) ?? indexedType(e.type);
    if (e.description) out.push(jsDoc({ description: e.description }, [], INDENT));
    out.push(
      line(`${/^\d+$/.test(e.status) ? e.status : JSON.stringify(e.status)}: ${imports.typeText(type)};`, INDENT),
    );
  }
  out.push("};\n");
  return out.join("");
}
