import type { NamedApi, NamedCredential } from "../../name/named-api.js";
import { DEFAULT_REQUEST_ID_HEADER } from "../../runtime/defaults.js";
import type { ClientSpec } from "../../runtime/types.js";
import { RuntimeRef } from "./runtime-ref.js";

/** ClientSpec as the generator builds it: plain data, with RuntimeRefs where the runtime takes functions. */
export type ClientSpecData = Omit<ClientSpec, "server" | "clientParams" | "auth" | "envelope" | "idempotency"> & {
  server?: RuntimeRef;
  clientParams?: RuntimeRef;
  auth?: RuntimeRef;
  envelope?: RuntimeRef;
  idempotency?: RuntimeRef;
};

/**
 * The runtime descriptor of the client: its first server's URL, and, when the API has them, a
 * `serverURL(...)` call for server variables, credentials with their `auth(...)`, and `clientParams(...)`,
 * `envelope(...)` and `idempotencyHeader(...)` calls (emitted as code by `codeLiteral`), so clients
 * without them bundle none of that code.
 */
export function clientSpec(api: NamedApi): ClientSpecData {
  const { model, client } = api;
  const spec: ClientSpecData = { name: client.className, baseURLEnv: client.baseURLEnv };
  const server = model.servers[0];
  const vars = Object.entries(server?.variables ?? {});
  if (server && vars.length) {
    const variables = Object.fromEntries(
      vars.map(([k, v]) => [k, v.enum ? { default: v.default, enum: v.enum } : { default: v.default }]),
    );
    spec.server = new RuntimeRef("serverURL", [server.url, variables]);
  } else if (server) spec.baseURL = server.url;
  if (api.credentials.length)
    spec.credentials = api.credentials.map((c) => (c.env ? { option: c.option, env: c.env } : { option: c.option }));
  const params = api.clientParams.map((p) => ({
    option: p.option,
    in: p.in,
    name: p.name,
    ...(p.env ? { env: p.env } : {}),
  }));
  if (params.length) spec.clientParams = new RuntimeRef("clientParams", [params]);
  const byName = schemes(api.credentials);
  if (Object.keys(byName).length) spec.auth = new RuntimeRef("auth", [byName, model.security]);
  if (model.idempotencyHeader) spec.idempotency = new RuntimeRef("idempotencyHeader", [model.idempotencyHeader]);
  if (model.envelope) spec.envelope = new RuntimeRef("envelope", [model.envelope]);
  if (model.requestIdHeader && model.requestIdHeader !== DEFAULT_REQUEST_ID_HEADER)
    spec.requestIdHeader = model.requestIdHeader;
  return spec;
}

/**
 * `bearer(option)`, `basic(username, password)`, `apiKey(in, name, option)`, `apiKeyCookie(name, option)`
 * or `clientCredentials(tokenUrl, scopes, clientId, clientSecret)` for each scheme a credential serves.
 */
function schemes(credentials: NamedCredential[]): Record<string, RuntimeRef> {
  const out: Record<string, RuntimeRef> = {};
  for (const c of credentials) {
    const s = c.scheme;
    if (s.kind === "basic") {
      const [username = "", password = ""] = (out[s.name]?.args ?? []) as string[];
      out[s.name] = new RuntimeRef("basic", c.part === "password" ? [username, c.option] : [c.option, password]);
    } else if (s.kind === "oauth2" && s.clientCredentials && c.part) {
      const { tokenUrl, scopes } = s.clientCredentials;
      const [, , id = "", secret = ""] = (out[s.name]?.args ?? []) as string[];
      out[s.name] = new RuntimeRef(
        "clientCredentials",
        c.part === "clientSecret" ? [tokenUrl, scopes, id, c.option] : [tokenUrl, scopes, c.option, secret],
      );
    } else if (s.kind === "apiKey") {
      out[s.name] =
        s.in === "cookie"
          ? new RuntimeRef("apiKeyCookie", [s.paramName, c.option])
          : new RuntimeRef("apiKey", [s.in, s.paramName, c.option]);
    } else {
      // Other oauth2 flows and openIdConnect: the caller brings the token, which travels as a bearer token.
      out[s.name] = new RuntimeRef("bearer", [c.option]);
    }
  }
  return out;
}
