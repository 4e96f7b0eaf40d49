import type { GeneratorAssets } from "../generator-assets.js";
import type { NamedApi, NamedOperation } from "../name/named-api.js";
import type { FileSet } from "./file-set.js";
import { markdownText, tableCell } from "./markdown.js";
import { renderTemplate } from "./render-template.js";
import { styles } from "./styles/index.js";

/** `docs/<Api>.md`: one page per builder API class (tag), every operation with its parameters, returns, errors and an example. */
export function emitResourceDocs(api: NamedApi, assets: GeneratorAssets): FileSet {
  const files: FileSet = new Map();
  const groups = new Map<string, NamedOperation[]>();
  for (const named of api.operations) {
    const title = named.flat.resource.length ? named.flat.resource.join(".") : "client";
    groups.set(title, [...(groups.get(title) ?? []), named]);
  }
  for (const [title, ops] of groups) {
    files.set(`docs/${title}.md`, renderTemplate(assets, "docs/resource.md.hbs", { title: markdownText(title), operations: ops.map((o) => operationDoc(api, o)) }));
  }
  return files;
}

function operationDoc(api: NamedApi, named: NamedOperation) {
  const { op } = named;
  const success = op.success;
  return {
    heading: markdownText(op.summary ?? named.flat.method),
    http: `${op.method.toUpperCase()} ${op.path}`,
    deprecated: !!op.deprecated,
    description: markdownText(op.description ?? ""),
    calls: styles.map((s) => ({ style: s.usage(api).title, call: `${s.callName(api, named)}(…)` })),
    params: [...named.pathArgs, ...named.params].map((p) => ({
      name: p.param.in === "path" ? p.key : p.key,
      in: p.param.in === "path" ? "path (argument)" : `${p.param.in} \`${tableCell(p.param.name)}\``,
      type: tableCell(p.param.schema.ref ?? (p.param.schema.enum ? p.param.schema.enum.map((v) => JSON.stringify(v)).join(" \\| ") : p.param.schema.type ?? "")),
      required: p.param.required && !p.clientOption ? "yes" : "no",
      description: tableCell(p.param.description) + (p.clientOption ? ` Defaults to the client's \`${p.clientOption}\`.` : ""),
    })),
    body: op.body ? `${named.paramsType}` : "",
    bodyDescription: op.body ? tableCell(`${op.body.contentType}${op.body.description ? `: ${op.body.description}` : ""}`) : "",
    returns: named.itemType
      ? `\`PagePromise<${named.itemType}>\`: iterate it for every item, or await it for the first page.`
      : success?.kind === "void" || !success
        ? "Nothing (`void`)."
        : `\`${named.responseType}\`${success.description ? `: ${markdownText(success.description)}` : ""}`,
    errors: op.errors.map((e) => ({ status: e.status, contentType: e.contentType ?? "none", description: tableCell(e.description) })),
    examples: styles.map((s) => ({ style: s.usage(api).title, code: s.example(api, named) })),
  };
}
