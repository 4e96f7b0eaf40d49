import type { OperationModel, SecuritySchemeModel } from "../../model/api-model.js";
import type { NamedApi } from "../../name/named-api.js";
import { inlineCode, tableCell } from "./markdown.js";

/** The security an operation is sent with: its own, else the spec's top-level one. */
export const effectiveSecurity = (api: NamedApi, op: OperationModel): string[][] => op.security ?? api.model.security;

/** Whether a call cannot be made without a credential: every alternative names a scheme the client knows. */
export function needsCredentials(api: NamedApi, security: string[][]): boolean {
  const known = new Set(api.credentials.map((c) => c.scheme.name));
  const usable = security.filter((alt) => alt.every((s) => known.has(s)));
  return usable.length > 0 && usable.every((alt) => alt.length > 0);
}

/** `` `apiToken`, or `apiEmail` and `apiKey` ``: the client options that satisfy some security requirement. */
function optionsText(api: NamedApi, security: string[][]): string {
  const alternatives = security
    .filter((alt) => alt.length > 0)
    .map((alt) =>
      alt
        .flatMap((scheme) => api.credentials.filter((c) => c.scheme.name === scheme).map((c) => `\`${c.option}\``))
        .join(" and "),
    )
    .filter(Boolean);
  return [...new Set(alternatives)].join(", or ");
}

/** One operation's Authorization section: the schemes, linked to the README's table, with their client options. */
export function operationAuthText(api: NamedApi, op: OperationModel, readme: string): string {
  const security = effectiveSecurity(api, op);
  const alternatives = security.filter((alt) => alt.length > 0);
  if (alternatives.length === 0) return "None: this operation sends no credentials.";
  const scheme = (name: string) => {
    const options = api.credentials.filter((c) => c.scheme.name === name).map((c) => `\`${c.option}\``);
    return `[${tableCell(name)}](${readme}#authentication)${options.length ? ` (${options.join(" and ")})` : " (not supported by this client)"}`;
  };
  const text = alternatives.map((alt) => alt.map(scheme).join(" and ")).join(", or ");
  return security.some((alt) => alt.length === 0)
    ? `${text}; optional: the call is also made without credentials.`
    : text;
}

/**
 * The README's paragraph under the credentials table. It says what the runtime does: credentials
 * the top-level security requires are checked when the client is built; those only some
 * operations require are checked when such a call is made, before anything is sent.
 */
export function authNote(api: NamedApi): string {
  return [credentialsNote(api), ...api.model.securitySchemes.map((s) => clientCredentialsNote(api, s))]
    .filter(Boolean)
    .join(" ");
}

/** What the client does with an OAuth2 client credentials flow's id and secret; empty for other schemes. */
function clientCredentialsNote(api: NamedApi, scheme: SecuritySchemeModel): string {
  const flow = scheme.kind === "oauth2" && scheme.clientCredentials;
  const [id, secret] = ["clientId", "clientSecret"].map(
    (part) => api.credentials.find((c) => c.scheme === scheme && c.part === part)?.option,
  );
  if (!flow || !id || !secret) return "";
  const url = inlineCode(flow.tokenUrl) + (/^[a-z][\w+.-]*:/i.test(flow.tokenUrl) ? "" : " (relative to the base URL)");
  const scopes = flow.scopes.length ? ` for the scopes ${inlineCode(flow.scopes.join(" "))}` : "";
  return (
    `With \`${id}\` and \`${secret}\` (sent as HTTP Basic) the client asks ${url} for an OAuth2 access token${scopes} ` +
    "(client credentials flow) on its first call and keeps it until shortly before it expires (a tenth of its " +
    "lifetime early, at most a minute); concurrent calls share one token request, clients made from it by " +
    "`withOptions` share its token (while the base URL and credentials are the same), and a call answered 401 gets a new " +
    "token and is sent once more. A token request that fails (an error status, no `access_token`, no answer) is an " +
    "`AuthenticationError` naming the token endpoint; it runs under the client's `timeout` and is not retried."
  );
}

function credentialsNote(api: NamedApi): string {
  const ops = api.model.operations;
  const needing = ops.filter((op) => needsCredentials(api, effectiveSecurity(api, op)));
  const all = [...new Set(ops.flatMap((op) => effectiveSecurity(api, op).map((alt) => alt.join("\u0000"))))].map(
    (key) => (key ? key.split("\u0000") : []),
  );
  const give = optionsText(api, all.length ? all : api.credentials.map((c) => [c.scheme.name]));
  const env = "Options win over environment variables, which are read only where `process.env` exists.";
  const atCall = "a call without them fails before anything is sent, with an error naming the option and the variable.";
  if (needsCredentials(api, api.model.security)) {
    const exempt = ops.length - needing.length;
    const also = exempt > 0 ? ` (${exempt} of the ${ops.length} operations then send none.)` : "";
    return `Give ${optionsText(api, api.model.security)}. The client checks when it is built: a missing credential is an error naming the option and the variable.${also} ${env}`;
  }
  if (ops.length > 0 && needing.length === ops.length)
    return `Every operation needs credentials: give ${give}. The client can be built without them, but ${atCall} ${env}`;
  if (needing.length > 0) {
    return `${needing.length} of the ${ops.length} operations need credentials (each operation's page under docs/ says which): give ${give} for those. The others work without them; ${atCall} ${env}`;
  }
  return `Credentials are optional: no operation requires them; when given (${give}), they are sent where the spec allows them. ${env}`;
}
