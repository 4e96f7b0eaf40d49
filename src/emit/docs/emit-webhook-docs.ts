import type { GeneratorAssets } from "../../generator-assets.js";
import type { NamedApi, NamedWebhooks } from "../../name/named-api.js";
import { secretText } from "../code/webhook-types.js";
import type { FileSet } from "../file-set.js";
import { docLinks, modelIndex } from "./doc-types.js";
import { codeCell, tableCell } from "./markdown.js";
import { renderTemplate } from "../render-template.js";

/** `docs/webhooks.md`: every event the API sends with its payload type, and how to verify one when clientgen.yaml says how they are signed. */
export function emitWebhookDocs(api: NamedApi, assets: GeneratorAssets): FileSet {
  const hooks = api.webhooks;
  if (!hooks) return new Map();
  const links = docLinks(modelIndex(api), hooks.docFile);
  const events = hooks.events.map(({ event, type }) => {
    const ref = event.body?.schema.ref;
    const href = ref && !event.body?.schema.nullable ? links.href(ref) : undefined;
    return {
      key: codeCell(event.key),
      http: event.method.toUpperCase(),
      type: !event.body ? "none" : type && href ? `[${type}](${href})` : codeCell(type ?? "unknown"),
      description: tableCell(event.summary ?? event.description ?? event.body?.description),
    };
  });
  const data = {
    packageName: api.client.packageName,
    union: hooks.union,
    hasCallbacks: hooks.events.some((e) => !e.event.inTypes),
    events,
    verify: !!hooks.verify,
    secretText: hooks.verify ? secretText(hooks.verify) : "",
    usages: hooks.verify ? webhookUsages(api, hooks) : [],
    readme: links.readme,
  };
  return new Map([[hooks.docFile, renderTemplate(assets, "docs/webhooks.md.hbs", data)]]);
}

/** A fetch-style request handler in the flat and builder styles: the raw body in, the typed event out, a 400 for a bad signature. */
export function webhookUsages(api: NamedApi, hooks: NamedWebhooks): { title: string; code: string }[] {
  const verify = hooks.verify!;
  const { client } = api;
  const handler = (imports: string, construct: string, call: string) =>
    [
      imports,
      "",
      construct,
      "",
      "// A fetch-style handler (Deno, Bun, workers, Next.js): the body is read as text, not parsed.",
      "export async function handle(request: Request): Promise<Response> {",
      "  try {",
      `    const event: ${hooks.union} = await ${call}.unwrap(await request.text(), request.headers);`,
      '    console.log("received", event);',
      "    return new Response(null, { status: 200 });",
      "  } catch (err) {",
      "    if (err instanceof InvalidWebhookSignatureError) return new Response(null, { status: 400 });",
      "    throw err;",
      "  }",
      "}",
    ].join("\n");
  return [
    {
      title: "Flat",
      code: handler(
        `import ${client.className}, { InvalidWebhookSignatureError, type ${hooks.union} } from "${client.packageName}";`,
        `const client = new ${client.className}();`,
        `client.${verify.property}`,
      ),
    },
    {
      title: "Builder",
      code: handler(
        `import { ${verify.builderClass}, InvalidWebhookSignatureError, type ${hooks.union} } from "${client.packageName}/builder";`,
        `const webhooks = new ${verify.builderClass}();`,
        "webhooks",
      ),
    },
  ];
}
