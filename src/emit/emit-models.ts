import type { NamedApi, NamedOperation } from "../name/named-api.js";
import { propertyKey } from "../ts-syntax.js";
import type { FileSet } from "./file-set.js";
import { banner, INDENT, jsDoc, line } from "./source-writer.js";
import { Imports } from "./imports.js";
import { bodyType, indexedType, itemTypeExpr, resultType, schemaAlias, type TypeExpr } from "./type-exprs.js";

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
  if (api.schemas.length === 0 && api.operations.length === 0) out.push(line("export {};"));
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

function paramsType(api: NamedApi, named: NamedOperation, imports: Imports): string {
  const body = named.op.body;
  const parts: string[] = [];
  const bodyExpr = bodyType(api, named);
  const bodyTypeExpr = bodyExpr && imports.typeText(bodyExpr);
  // Fields are spread into the params object, which cannot be null.
  if (body && bodyTypeExpr && named.bodyMode === "fields")
    parts.push(body.schema.nullable ? `NonNullable<${bodyTypeExpr}>` : bodyTypeExpr);
  const members = named.params.length > 0 || named.bodyMode === "whole";
  if (!members && parts.length === 0) return "";
  const doc = jsDoc({
    description: `Parameters of \`${named.fn}\`${named.bodyMode === "fields" ? " (body fields and parameters together)" : ""}.`,
  });
  const head = `export type ${named.paramsType} = ${parts.join(" & ")}`;
  if (!members) return doc + line(`${head};`);
  const out: string[] = [];
  for (const p of named.params) {
    const extra = p.clientOption ? [`Defaults to the client's \`${p.clientOption}\` option.`] : [];
    const sent = p.param.in === "query" && p.key === p.param.name ? [] : [`Sent as ${p.param.in} \`${p.param.name}\`.`];
    out.push(jsDoc(p.param, [...sent, ...extra], INDENT));
    const optional = !p.param.required || !!p.clientOption;
    out.push(
      line(`${propertyKey(p.key)}${optional ? "?" : ""}: ${imports.typeText(indexedType(p.param.type))};`, INDENT),
    );
  }
  if (body && named.bodyMode === "whole") {
    out.push(jsDoc(body, [], INDENT));
    out.push(line(`body${body.required ? "" : "?"}: ${bodyTypeExpr};`, INDENT));
  }
  return `${doc}${line(`${head}${parts.length ? " & " : ""}{`)}${out.join("")}};\n`;
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
