import type CodeBlockWriter from "code-block-writer";
import type { NamedApi, NamedOperation } from "../name/named-api.js";
import { propertyKey } from "../ts-syntax.js";
import type { FileSet } from "./file-set.js";
import { banner, newWriter, writeJsDoc } from "./source-writer.js";
import { Imports } from "./imports.js";
import { bodyType, indexedType, itemTypeExpr, resultType, schemaAlias, type TypeExpr } from "./type-exprs.js";

/** `src/models.ts`: readable aliases for every schema, and the params/response types of every operation. */
export function emitModels(api: NamedApi): FileSet {
  const imports = new Imports("models");
  const w = newWriter();
  const docs = new Map(api.model.schemas.map((s) => [s.name, s]));
  for (const { name, alias } of api.schemas) {
    writeJsDoc(w, docs.get(name));
    imports.type("types", "components");
    w.writeLine(`export type ${alias} = components["schemas"][${JSON.stringify(name)}];`);
  }
  for (const named of api.operations) writeOperationTypes(w, api, named, imports);
  if (api.schemas.length === 0 && api.operations.length === 0) w.writeLine("export {};");
  return new Map([["src/models.ts", imports.file(banner(api.model.source), w.toString())]]);
}

function writeOperationTypes(w: CodeBlockWriter, api: NamedApi, named: NamedOperation, imports: Imports): void {
  const { op } = named;
  w.blankLine();
  writeParamsType(w, api, named, imports);
  writeJsDoc(w, { description: `What \`${named.fn}\` resolves to${op.success?.description ? `: ${op.success.description}` : "."}` });
  w.writeLine(`export type ${named.responseType} = ${imports.typeText(resultType(api, named))};`);
  if (named.errorsType) writeErrorsType(w, api, named, named.errorsType, imports);
  if (named.itemType) {
    writeJsDoc(w, { description: `One item of the list \`${named.fn}\` pages through.` });
    w.writeLine(`export type ${named.itemType} = ${imports.typeText(itemTypeExpr(api, named))};`);
  }
}

function writeParamsType(w: CodeBlockWriter, api: NamedApi, named: NamedOperation, imports: Imports): void {
  const body = named.op.body;
  const parts: string[] = [];
  const bodyExpr = bodyType(api, named);
  const bodyTypeExpr = bodyExpr && imports.typeText(bodyExpr);
  // Fields are spread into the params object, which cannot be null.
  if (body && bodyTypeExpr && named.bodyMode === "fields") parts.push(body.schema.nullable ? `NonNullable<${bodyTypeExpr}>` : bodyTypeExpr);
  const members = named.params.length > 0 || named.bodyMode === "whole";
  if (!members && parts.length === 0) return;
  writeJsDoc(w, { description: `Parameters of \`${named.fn}\`${named.bodyMode === "fields" ? " (body fields and parameters together)" : ""}.` });
  w.write(`export type ${named.paramsType} = `);
  if (parts.length) w.write(parts.join(" & "));
  if (!members) {
    w.write(";").newLine();
    return;
  }
  if (parts.length) w.write(" & ");
  w.write("{").newLine();
  w.indent(() => {
    for (const p of named.params) {
      const extra = p.clientOption ? [`Defaults to the client's \`${p.clientOption}\` option.`] : [];
      const sent = p.param.in === "query" && p.key === p.param.name ? [] : [`Sent as ${p.param.in} \`${p.param.name}\`.`];
      writeJsDoc(w, p.param, [...sent, ...extra]);
      const optional = !p.param.required || !!p.clientOption;
      w.writeLine(`${propertyKey(p.key)}${optional ? "?" : ""}: ${imports.typeText(indexedType(p.param.type))};`);
    }
    if (body && named.bodyMode === "whole") {
      writeJsDoc(w, body);
      w.writeLine(`body${body.required ? "" : "?"}: ${bodyTypeExpr};`);
    }
  });
  w.write("};").newLine();
}

/** The error bodies the spec declares, by status: `(err as ConflictError<InviteUserErrors[409]>).body`. */
function writeErrorsType(w: CodeBlockWriter, api: NamedApi, named: NamedOperation, name: string, imports: Imports): void {
  writeJsDoc(w, { description: `Error bodies of \`${named.fn}\` by HTTP status, for typing \`APIError.body\`.` });
  w.write(`export type ${name} = {`).newLine();
  w.indent(() => {
    for (const e of named.op.errors) {
      if (e.kind !== "json" || !e.type) continue;
      const type = schemaAlias(api, e.schema.ref) ?? indexedType(e.type);
      if (e.description) writeJsDoc(w, { description: e.description });
      w.writeLine(`${/^\d+$/.test(e.status) ? e.status : JSON.stringify(e.status)}: ${imports.typeText(type)};`);
    }
  });
  w.write("};").newLine();
}
