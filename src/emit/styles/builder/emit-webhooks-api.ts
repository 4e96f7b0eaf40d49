import type { NamedApi, WebhookVerifyNames } from "../../../name/named-api.js";
import { Imports, RUNTIME_MODULE } from "../../code/imports.js";
import { banner, block, INDENT, jsDoc, line } from "../../code/source-writer.js";
import { secretText } from "../../code/webhook-types.js";

/**
 * Builder style's webhooks: `new WebhooksApi(options).unwrap(body, headers)`, constructed like the other
 * API classes (from the client options or a core), with `unwrap` and `verifySignature` of the runtime's
 * Webhooks, typed with the API's event union.
 */
export function emitWebhooksApi(api: NamedApi, verify: WebhookVerifyNames): string {
  const { client } = api;
  const union = api.webhooks!.union;
  const imports = new Imports(verify.builderFile)
    .value("core", client.coreClassName)
    .type("core", client.optionsType)
    .type("models", union)
    .value(RUNTIME_MODULE, "Webhooks");
  const example = [
    `import { ${verify.builderClass} } from "${client.packageName}/builder";`,
    "",
    `const webhooks = new ${verify.builderClass}();`,
    "// The raw body, as received: parsed and re-serialised JSON would not match the signature.",
    "const event = await webhooks.unwrap(rawBody, request.headers);",
  ];
  const doc = jsDoc(
    {
      description: `Webhooks the API sends: \`unwrap(body, headers, secret?)\` verifies the Standard Webhooks signature\nand returns the typed event; \`verifySignature(...)\` only checks. Both reject with InvalidWebhookSignatureError.\n${secretText(verify)}`,
    },
    ["@example", ...example],
  );
  const args = ["options", JSON.stringify(verify.option), ...(verify.env ? [JSON.stringify(verify.env)] : [])];
  const ctorDoc = jsDoc(
    {
      description: `Takes the client options, or an existing \`${client.coreClassName}\` (or \`${client.className}\`) whose options it then shares.`,
    },
    [],
    INDENT,
  );
  const ctor = block(
    `constructor(client: ${client.coreClassName} | ${client.optionsType} = {})`,
    line(
      `const options = client instanceof ${client.coreClassName} ? client.options : { ...client };`,
      INDENT + INDENT,
    ) + line(`super(${args.join(", ")});`, INDENT + INDENT),
    INDENT,
  );
  const body = block(`export class ${verify.builderClass} extends Webhooks<${union}>`, ctorDoc + ctor);
  return imports.file(banner(api.model.source), `\n${doc}${body}`);
}
