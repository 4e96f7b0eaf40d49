import type { NamedApi, NamedCredential } from "../../name/named-api.js";
import type { FileSet } from "../file-set.js";
import { clientSpec } from "./client-spec.js";
import { codeLiteral, runtimeRefs } from "./runtime-ref.js";
import { banner, block, INDENT, jsDoc, line } from "./source-writer.js";

/** `src/core.ts`: the options type, the client descriptor and the resource-free core client class. */
export function emitCore(api: NamedApi): FileSet {
  const { client } = api;
  const spec = clientSpec(api);
  // auth(), bearer(), envelope()…: only what this API uses, so bundles leave the rest of the runtime out.
  const runtime = runtimeRefs(spec)
    .map((r) => ", " + r)
    .join("");
  const options = [
    ...api.credentials.map((c) => {
      const env = c.env ? [`Defaults to \`process.env.${c.env}\`.`] : [];
      const what = c.part ? [partText(c)] : [];
      const docs = jsDoc(c.description ? { description: c.description } : undefined, [...what, ...env], INDENT);
      return docs + line(`${c.option}?: string | undefined;`, INDENT);
    }),
    ...api.clientParams.map((p) => {
      const env = p.env ? [`Defaults to \`process.env.${p.env}\`.`] : [];
      const sent = `Sent as ${p.in} \`${p.name}\` by every operation that takes it.`;
      const docs = jsDoc(p.description ? { description: p.description } : undefined, [sent, ...env], INDENT);
      return docs + line(`${p.option}?: string | undefined;`, INDENT);
    }),
    webhookSecretOption(api),
  ].join("");
  const head = "export const clientSpec: ClientSpec = ";
  const text = [
    banner(api.model.source),
    line(`import { ClientCore, type ClientOptions, type ClientSpec${runtime} } from "./runtime/index.js";`),
    "\n",
    jsDoc({
      description: `Options of the ${client.className} client: credentials, client parameters, and the common client options.`,
    }),
    block(`export interface ${client.optionsType} extends ClientOptions`, options),
    "\n",
    line(`${head}${codeLiteral(spec, "", head.length + 1)};`),
    "\n",
    jsDoc({
      description: `The ${client.className} client without its resources. Pass it to the standalone functions in \`./operations\` so a bundle keeps only the operations it calls.`,
    }),
    block(
      `export class ${client.coreClassName} extends ClientCore`,
      block(
        `constructor(options?: ${client.optionsType})`,
        line("super(clientSpec, { ...options });", INDENT + INDENT),
        INDENT,
      ),
    ),
  ].join("");
  return new Map([["src/core.ts", text]]);
}

/** What one half of a two-part credential is: http basic's, or an OAuth2 client's, traded for tokens. */
function partText({ part, scheme }: NamedCredential): string {
  if (scheme.kind !== "oauth2" || !scheme.clientCredentials) return `The ${part} for the \`${scheme.name}\` scheme.`;
  const flow = `the \`${scheme.name}\` scheme's OAuth2 client credentials flow`;
  return part === "clientSecret"
    ? `The client secret of ${flow}, sent only to its token endpoint.`
    : `The client id of ${flow}: with the secret, the client trades it for an access token at \`${scheme.clientCredentials.tokenUrl}\`, which it keeps and renews.`;
}

/** The option holding the webhook secret, when clientgen.yaml says how webhooks are signed. */
function webhookSecretOption(api: NamedApi): string {
  const verify = api.webhooks?.verify;
  if (!verify) return "";
  const env = verify.env ? ` Defaults to \`process.env.${verify.env}\`.` : "";
  const doc = jsDoc(
    {
      description: `The \`whsec_\` secret \`${verify.property}.unwrap()\` and \`.verifySignature()\` check webhooks with,\nunless a call gives one.${env}`,
    },
    [],
    INDENT,
  );
  return doc + line(`${verify.option}?: string | undefined;`, INDENT);
}
