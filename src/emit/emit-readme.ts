import type { GeneratorAssets } from "../generator-assets.js";
import type { NamedApi, NamedCredential } from "../name/named-api.js";
import { emitResourceDocs } from "./emit-resource-docs.js";
import { exampleArgs, showcaseOperation } from "./examples.js";
import type { FileSet } from "./file-set.js";
import { markdownText, tableCell } from "./markdown.js";
import { renderTemplate } from "./render-template.js";
import { styles } from "./styles/index.js";

/** README.md and docs/*.md, rendered from the model by handlebars templates. */
export function emitReadme(api: NamedApi, assets: GeneratorAssets): FileSet {
  const { model, client } = api;
  const docs = emitResourceDocs(api, assets);
  const docList = [...docs.keys()].map((file, i, all) => ({ file, title: file.replace(/^docs\//, "").replace(/\.md$/, ""), comma: i < all.length - 1 }));
  const showcase = showcaseOperation(api);
  const readme = renderTemplate(assets, "package/README.md.hbs", {
    title: markdownText(model.title),
    description: markdownText(model.description ?? ""),
    specFile: model.source.file,
    apiVersion: markdownText(model.version),
    packageName: client.packageName,
    styleList: styles.map((s) => s.usage(api).title.toLowerCase()).join(" and "),
    hasPagination: api.operations.some((o) => o.op.pagination),
    credentials: api.credentials.map((c) => ({ option: c.option, env: c.env ? `\`${c.env}\`` : "none", scheme: schemeText(c) })),
    authNote: authNote(api),
    clientParams: api.clientParams.map((p) => ({ option: p.option, env: p.env ? `\`${p.env}\`` : "none", sentAs: `${p.in} \`${p.name}\`` })),
    usages: styles.map((s) => s.usage(api)),
    styleNames: styles.map((s) => s.usage(api).title),
    operations: api.operations.map((named) => ({
      calls: styles.map((s) => s.callName(api, named)),
      http: `${named.op.method.toUpperCase()} ${named.op.path}`,
      summary: tableCell(named.op.summary ?? named.op.description?.split("\n")[0]) + (named.op.deprecated ? " (deprecated)" : ""),
    })),
    docs: docList,
    baseURL: model.servers[0]?.url ?? "none",
    envPrefix: client.envPrefix,
    errorClass: client.errorClass,
    errorExample: errorExample(api),
    idempotencyHeader: model.idempotencyHeader ?? "",
    envelope: model.envelope?.result ?? "",
    standaloneExample: showcase
      ? [
          `import { ${client.coreClassName} } from "${client.packageName}/core";`,
          `import { ${showcase.fn} } from "${client.packageName}/operations";`,
          "",
          `const core = new ${client.coreClassName}();`,
          `const result = await ${showcase.fn}(${["core", ...exampleArgs(showcase)].join(", ")});`,
        ].join("\n")
      : "// This API has no operations.",
  });
  return new Map([["README.md", readme], ...docs]);
}

function schemeText(c: NamedCredential): string {
  const s = c.scheme;
  const kind = s.kind === "apiKey" ? `API key in ${s.in} \`${s.paramName}\`` : s.kind === "basic" ? `HTTP basic (${c.part})` : "bearer token";
  return `${tableCell(s.name)}: ${kind}`;
}

function authNote(api: NamedApi): string {
  const alternatives = api.model.security.filter((alt) => alt.length > 0);
  if (alternatives.length === 0) return "Credentials are optional: give them for the operations that need them.";
  const text = alternatives.map((alt) => alt.map((scheme) => api.credentials.filter((c) => c.scheme.name === scheme).map((c) => `\`${c.option}\``).join(" and ")).join(" and "));
  const optional = api.model.security.some((alt) => alt.length === 0);
  return `Give ${text.join(", or ")}${optional ? " (or nothing: authentication is optional)" : ""}. A missing credential is an error when the client is built, naming the option and the variable. Options win over environment variables, which are read only where \`process.env\` exists.`;
}

function errorExample(api: NamedApi): string {
  const named = showcaseOperation(api);
  const call = named ? `${styles[0]!.callName(api, named)}(${exampleArgs(named).join(", ")})` : "client.someMethod()";
  return [
    `import ${api.client.className}, { APIError, RateLimitError } from "${api.client.packageName}";`,
    "",
    "try {",
    `  await ${call};`,
    "} catch (err) {",
    "  if (err instanceof RateLimitError) console.log(\"slow down\", err.headers.get(\"retry-after\"));",
    "  else if (err instanceof APIError) console.log(err.status, err.requestID, err.body);",
    "  else throw err;",
    "}",
  ].join("\n");
}
