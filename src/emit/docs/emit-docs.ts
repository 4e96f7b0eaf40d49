import type { GeneratorAssets } from "../../generator-assets.js";
import type { NamedApi, NamedCredential } from "../../name/named-api.js";
import { DEFAULT_MAX_RETRIES, DEFAULT_REQUEST_ID_HEADER, DEFAULT_TIMEOUT_MS } from "../../runtime/defaults.js";
import { authNote } from "./auth-text.js";
import { emitModelDocs } from "./emit-model-docs.js";
import { emitWebhookDocs } from "./emit-webhook-docs.js";
import { emitResourceDocs, operationAnchors, operationSummary } from "./emit-resource-docs.js";
import {
  builderMiddlewareExample,
  clientConstruction,
  exampleArgs,
  middlewareExample,
  showcaseOperation,
} from "./examples.js";
import type { FileSet } from "../file-set.js";
import { codeCell, markdownBlock, markdownInline, tableCell } from "./markdown.js";
import { renderTemplate } from "../render-template.js";
import type { Style } from "../styles/style.js";

/**
 * Every page of a package's documentation: README.md, docs/<resource>.md and docs/models/<Model>.md,
 * rendered from the model by handlebars templates, with an example in each of the given styles.
 */
export function emitDocs(api: NamedApi, assets: GeneratorAssets, styles: readonly Style[]): FileSet {
  return new Map([
    ["README.md", readme(api, assets, styles)],
    ...emitResourceDocs(api, assets, styles),
    ...emitModelDocs(api, assets),
    ...emitWebhookDocs(api, assets),
  ]);
}

function readme(api: NamedApi, assets: GeneratorAssets, styles: readonly Style[]): string {
  const { model, client } = api;
  const showcase = showcaseOperation(api);
  return renderTemplate(assets, "package/README.md.hbs", {
    title: markdownInline(model.title),
    description: markdownBlock(model.description),
    specFile: model.source.file,
    apiVersion: markdownInline(model.version),
    packageName: client.packageName,
    styleCount:
      ["One calling style", "Two calling styles", "Three calling styles"][styles.length - 1] ??
      `${styles.length} calling styles`,
    styleList: listText(styles.map((s) => s.usage(api).title.toLowerCase())),
    hasPagination: api.operations.some((o) => o.op.pagination),
    pageBodyExample: pageBodyExample(api),
    credentials: api.credentials.map((c) => ({
      option: c.option,
      env: c.env ? `\`${c.env}\`` : "none",
      scheme: schemeText(c),
    })),
    authNote: authNote(api),
    clientParams: api.clientParams.map((p) => ({
      option: p.option,
      env: p.env ? `\`${p.env}\`` : "none",
      sentAs: `${p.in} ${codeCell(p.name)}`,
    })),
    usages: styles.map((s) => ({ ...s.usage(api), language: s.language })),
    styleNames: styles.map((s) => s.usage(api).title),
    operations: operationRows(api, styles),
    docs: api.docPages.map((page) => ({ file: page.file, title: page.title })),
    models: api.schemas.map((s) => ({ file: s.docFile, alias: s.alias })),
    webhooks: api.webhooks
      ? {
          file: api.webhooks.docFile,
          kinds: `${api.webhooks.events.length} kind${api.webhooks.events.length === 1 ? "" : "s"}`,
          union: api.webhooks.union,
          verify: api.webhooks.verify ? `client.${api.webhooks.verify.property}.unwrap(body, headers)` : "",
        }
      : false,
    oauth2: api.credentials.some((c) => c.part === "clientSecret"),
    webhookOption: api.webhooks?.verify?.option ?? "",
    webhookEnv: api.webhooks?.verify?.env ? `\`${api.webhooks.verify.env}\`` : "none",
    baseURL: model.servers[0]?.url ?? "none",
    defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
    defaultMaxRetries: DEFAULT_MAX_RETRIES,
    baseURLEnv: client.baseURLEnv,
    baseURLMissing: !/^([a-z][\w+.-]*:|\{)/i.test(model.servers[0]?.url ?? ""),
    envPrefix: client.envPrefix,
    errorClass: client.errorClass,
    errorExample: errorExample(api, styles[0]),
    middlewareExample: middlewareExample(api),
    builderMiddlewareExample: styles.some((s) => s.name === "builder") ? (builderMiddlewareExample(api) ?? "") : "",
    coreClassName: client.coreClassName,
    idempotencyHeader: model.idempotencyHeader ?? "",
    requestIdHeader: model.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER,
    envelope: model.envelope?.result ?? "",
    standaloneExample: showcase
      ? [
          `import { ${client.coreClassName} } from "${client.packageName}/core";`,
          `import { ${showcase.fn} } from "${client.packageName}/operations";`,
          "",
          `const core = ${clientConstruction(api, client.coreClassName, showcase)};`,
          `const result = await ${showcase.fn}(${["core", ...exampleArgs(showcase)].join(", ")});`,
        ].join("\n")
      : "// This API has no operations.\nexport {};",
  });
}

/** One row per operation, its first call linked to its section of the resource's page. */
function operationRows(api: NamedApi, styles: readonly Style[]) {
  return api.docPages.flatMap((page) => {
    const anchors = operationAnchors(page);
    return page.operations.map((named) => ({
      calls: styles.map((s, i) =>
        i === 0
          ? `[\`${s.callName(api, named)}\`](${page.file}#${anchors.get(named)})`
          : `\`${s.callName(api, named)}\``,
      ),
      http: `${named.op.method.toUpperCase()} ${codeCell(named.op.path)}`,
      summary: operationSummary(named),
    }));
  });
}

/** `a`, `a and b`, `a, b and c`. */
const listText = (items: string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : (items[0] ?? "");

function schemeText(c: NamedCredential): string {
  const s = c.scheme;
  const kind =
    s.kind === "apiKey"
      ? `API key in ${s.in} ${codeCell(s.paramName)}`
      : s.kind === "basic"
        ? `HTTP basic (${c.part})`
        : s.kind === "oauth2" && s.clientCredentials
          ? `OAuth2 client credentials (${c.part === "clientSecret" ? "client secret" : "client id"})`
          : "bearer token";
  return `${tableCell(s.name)}: ${kind}`;
}

/** A whole program: the client, a call, and the typed errors it may throw. */
function errorExample(api: NamedApi, first: Style | undefined): string {
  const { client } = api;
  const named = showcaseOperation(api);
  const imports = `import ${client.className}, { APIError, RateLimitError } from "${client.packageName}";`;
  const call = named && first ? `${first.callName(api, named)}(${exampleArgs(named).join(", ")})` : undefined;
  return [
    imports,
    "",
    `const client = ${clientConstruction(api, client.className, named)};`,
    "try {",
    call ? `  await ${call};` : "  // call a method of the client here",
    "} catch (err) {",
    "  // `headers` is undefined when no response arrived (connection errors, timeouts, aborts).",
    '  if (err instanceof RateLimitError) console.log("slow down", err.headers?.get("retry-after"));',
    "  else if (err instanceof APIError) console.log(err.status, err.requestID, err.body);",
    "  else throw err;",
    "}",
  ].join("\n");
}

/**
 * A field of a list's whole body, as the README shows `page.body`: the one its pagination reads (has
 * more, next cursor or URL, page info, total), else another top-level field; none for a bare array.
 */
function pageBodyExample(api: NamedApi): string {
  const op = api.operations.map((o) => o.op).find((o) => o.pagination);
  const p = op?.pagination;
  if (!op || !p) return "";
  const own =
    p.kind === "cursor"
      ? (p.hasMore ?? p.nextCursor)
      : p.kind === "next"
        ? p.nextUrl
        : p.kind === "page"
          ? p.info
          : p.kind === "offset"
            ? p.totalCount
            : undefined;
  const field = own ?? op.success?.properties?.find((f) => f !== p.items);
  if (!field) return "";
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(field)
    ? `page.body.${field}`
    : `page.body[${JSON.stringify(field)}]`;
}
