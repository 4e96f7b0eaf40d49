import type { GeneratorAssets } from "../../generator-assets.js";
import type { NamedApi, NamedDocPage, NamedOperation, NamedParam } from "../../name/named-api.js";
import { APIError, BY_STATUS, InternalServerError } from "../../runtime/errors.js";
import { operationAuthText } from "./auth-text.js";
import { docLinks, modelIndex, shapeAt, shapeMarkdown, typeMarkdown, valueCode, type DocLinks } from "./doc-types.js";
import type { FileSet } from "../file-set.js";
import { headingSlugger } from "./heading-slugs.js";
import { codeCell, inlineCode, markdownBlock, markdownInline, tableCell } from "./markdown.js";
import { renderTemplate } from "../render-template.js";
import type { Style } from "../styles/style.js";

/**
 * `docs/<resource>.md`, laid out as openapi-generator's API pages (seeds 002–004): a table of the
 * operations, then for each its description, an example per style, parameters, return type (linked
 * to its model page), errors, authorization and HTTP request headers.
 */
export function emitResourceDocs(api: NamedApi, assets: GeneratorAssets, styles: readonly Style[]): FileSet {
  const files: FileSet = new Map();
  const index = modelIndex(api);
  const styleTitles = styles.map((s) => s.usage(api).title);
  for (const page of api.docPages)
    files.set(
      page.file,
      renderTemplate(
        assets,
        "docs/resource.md.hbs",
        pageData(api, page, docLinks(index, page.file), styles, styleTitles),
      ),
    );
  return files;
}

/** Each operation's anchor, as GitHub derives it from the page's headings (the template's, in its order). */
export function operationAnchors(page: NamedDocPage): Map<NamedOperation, string> {
  const slug = headingSlugger();
  slug(page.title);
  const anchors = new Map<NamedOperation, string>();
  for (const named of page.operations) {
    anchors.set(named, slug(named.flat.method));
    for (const section of operationSections(named)) slug(section);
  }
  return anchors;
}

/** The `###` headings resource.md.hbs writes under an operation. */
function operationSections(named: NamedOperation): string[] {
  const hasParams = named.pathArgs.length + named.params.length > 0 || !!named.op.body;
  return [
    "Example",
    ...(hasParams ? ["Parameters"] : []),
    "Return type",
    ...(named.op.errors.length ? ["Errors"] : []),
    "Authorization",
    "HTTP request headers",
  ];
}

function pageData(api: NamedApi, page: NamedDocPage, links: DocLinks, styles: readonly Style[], styleTitles: string[]) {
  const anchors = operationAnchors(page);
  const readme = links.readme;
  return {
    title: page.title,
    baseURL: markdownInline(api.model.servers[0]?.url ?? "the client's baseURL"),
    readme,
    summary: page.operations.map((named) => ({
      method: named.flat.method,
      anchor: anchors.get(named)!,
      http: `**${named.op.method.toUpperCase()}** ${codeCell(named.op.path)}`,
      description: operationSummary(named),
    })),
    operations: page.operations.map((named) => operationData(api, named, links, styles, styleTitles)),
  };
}

function operationData(
  api: NamedApi,
  named: NamedOperation,
  links: DocLinks,
  styles: readonly Style[],
  styleTitles: string[],
) {
  const { op } = named;
  const sections = operationSections(named);
  return {
    method: named.flat.method,
    signature: styles
      .map((s) => inlineCode(`${s.callName(api, named)}${s.language === "ts" ? "(…)" : " …"}`))
      .join(" · "),
    summary: op.summary && op.description ? markdownInline(op.summary) : "",
    deprecated: !!op.deprecated,
    description: markdownBlock(op.description ?? op.summary),
    examples: styles.map((s, i) => ({ style: styleTitles[i]!, language: s.language, code: s.example(api, named) })),
    hasParams: sections.includes("Parameters"),
    params: [
      ...named.pathArgs.map((p) => paramRow(p, links, "path")),
      ...named.params.map((p) => paramRow(p, links, p.param.in)),
      ...bodyRow(named, links),
    ],
    returns: returnText(api, named, links),
    errors: op.errors.map((e) => ({
      className: `\`${errorClass(e.status)}\``,
      status: codeCell(e.status),
      contentType: e.contentType
        ? `${codeCell(e.contentType)}${e.kind === "json" ? ` (${typeMarkdown(e.schema, links)})` : ""}`
        : "none",
      description: tableCell(e.description),
    })),
    authorization: operationAuthText(api, op, links.readme),
    contentType: op.body
      ? [op.body.contentType, ...op.body.alternatives].map((t) => codeCell(t)).join(", ")
      : "Not defined",
    accept: acceptText(named),
  };
}

function paramRow(p: NamedParam, links: DocLinks, where: string) {
  const { param } = p;
  const notes: string[] = [];
  if (!param.required || p.clientOption) notes.push("[optional]");
  if (p.clientOption) notes.push(`[defaults to the client's \`${p.clientOption}\`]`);
  if (param.schema.default !== undefined) notes.push(`[default to ${valueCode(param.schema.default)}]`);
  if (param.schema.enum) notes.push(`one of ${param.schema.enum.map(valueCode).join(", ")}`);
  if (param.deprecated) notes.push("[deprecated]");
  notes.push(where === "path" ? "path" : `${where} ${codeCell(param.name)}`);
  return {
    name: codeCell(p.key),
    type: typeMarkdown(param.schema, links),
    description: tableCell(param.description ?? param.schema.description),
    notes: notes.join(" "),
  };
}

/** The body as one row: the builder's setter name; flat methods take its fields (or `body`) in the params object. */
function bodyRow(named: NamedOperation, links: DocLinks) {
  const body = named.op.body;
  if (!body) return [];
  const how = named.bodyMode === "fields" ? "its fields go in the params object" : "`body` in the params object";
  const notes = [
    ...(body.required ? [] : ["[optional]"]),
    `request body (${codeCell(body.contentType)}); flat methods: ${how}`,
  ];
  const type = body.encoding === "binary" ? "`Blob`" : typeMarkdown(body.schema, links);
  return [
    {
      name: codeCell(named.bodySetter ?? "body"),
      type,
      description: tableCell(body.description ?? body.schema.description),
      notes: notes.join(" "),
    },
  ];
}

function returnText(api: NamedApi, named: NamedOperation, links: DocLinks): string {
  const success = named.op.success;
  if (!success || success.kind === "void") return "**void** (no response body)";
  if (success.kind === "text") return "`string`";
  if (success.kind === "binary")
    return "`Response` (unread: `.body` streams the bytes, `.arrayBuffer()` and `.blob()` read them whole)";
  if (success.kind === "sse")
    return `\`${named.responseType}\`, a \`Stream\` of server-sent events, each ${typeMarkdown(success.schema, links)}: \`for await\` reads them as they arrive; leaving the loop closes the connection.`;
  const description = success.description ? `\n\n${markdownBlock(success.description)}` : "";
  const envelope = api.model.envelope?.result;
  const applies = !!envelope && !!success.properties?.includes(envelope);
  const shape = applies ? shapeAt(success.schema.shape, [envelope!], links) : success.schema.shape;
  if (named.itemType) {
    const items = named.op.pagination?.items.split(".").filter(Boolean) ?? [];
    const item = shapeAt(success.schema.shape, items, links);
    const itemText = item?.kind === "array" ? shapeMarkdown(item.items, links, 1) : `\`${named.itemType}\``;
    return `\`PagePromise<${named.itemType}>\`, pages of ${itemText}: \`for await\` walks every item across pages, \`await\` gives the first page, whose \`body\` is the whole response, typed.${description}`;
  }
  const text = shape
    ? typeMarkdown({ shape, nullable: applies ? false : success.schema.nullable }, links)
    : `\`${named.responseType}\``;
  const wrapped = applies ? ` (the \`${envelope}\` field of the response envelope)` : "";
  const streamed = success.events
    ? ` With ${inlineCode(`${success.events.param}: true`)}, a \`Stream\` of server-sent events instead, each ${typeMarkdown(success.events.schema, links)}.`
    : "";
  return `${text}${wrapped}, typed as \`${named.responseType}\`.${streamed}${description}`;
}

/** The runtime's class for a status, as makeAPIError picks it (`4XX` and `default`: the class of the actual status, an `APIError` at least). */
function errorClass(status: string): string {
  const code = /^\d{3}$/.test(status) ? Number(status) : status.startsWith("5") ? 500 : 0;
  return (BY_STATUS[code] ?? (code > 499 ? InternalServerError : APIError)).name;
}

function acceptText(named: NamedOperation): string {
  const types = [named.op.success, ...named.op.errors].flatMap((r) => (r?.contentType ? [r.contentType] : []));
  return types.length ? [...new Set(types)].map((t) => codeCell(t)).join(", ") : "Not defined";
}

/** One table cell about an operation: its summary, else the first line of its description. */
export function operationSummary(named: NamedOperation): string {
  const { summary, description, deprecated } = named.op;
  return tableCell(summary ?? description?.split("\n")[0]) + (deprecated ? " (deprecated)" : "");
}
