import type { NamedApi, NamedCredential } from "../name/named-api.js";
import type { ClientSpec } from "../runtime/types.js";
import { RuntimeRef } from "./runtime-ref.js";

/** ClientSpec as the generator builds it: plain data, with RuntimeRefs where the runtime takes functions. */
export type ClientSpecData = Omit<ClientSpec, "auth" | "envelope" | "idempotency"> & { auth?: RuntimeRef; envelope?: RuntimeRef; idempotency?: RuntimeRef };

/**
 * The runtime descriptor of the client: servers, credentials, client parameters, and, when the API has
 * them, `auth(...)`, `envelope(...)` and `idempotencyHeader(...)` calls (emitted as code by `codeLiteral`).
 */
export function clientSpec(api: NamedApi): ClientSpecData {
  const { model, client } = api;
  const spec: ClientSpecData = {
    name: client.className,
    servers: model.servers.map((s) => {
      const vars = Object.entries(s.variables);
      return vars.length
        ? { url: s.url, variables: Object.fromEntries(vars.map(([k, v]) => [k, v.enum ? { default: v.default, enum: v.enum } : { default: v.default }])) }
        : { url: s.url };
    }),
    credentials: api.credentials.map((c) => (c.env ? { option: c.option, env: c.env } : { option: c.option })),
    clientParams: api.clientParams.map((p) => ({ option: p.option, in: p.in, name: p.name, ...(p.env ? { env: p.env } : {}) })),
  };
  const byName = schemes(api.credentials);
  if (Object.keys(byName).length) spec.auth = new RuntimeRef("auth", [byName, model.security]);
  if (model.config.idempotencyHeader) spec.idempotency = new RuntimeRef("idempotencyHeader", [model.config.idempotencyHeader]);
  if (model.config.envelope) spec.envelope = new RuntimeRef("envelope", [model.config.envelope]);
  return spec;
}

/** `bearer(option)`, `basic(username, password)` or `apiKey(in, name, option)` for each scheme a credential serves. */
function schemes(credentials: NamedCredential[]): Record<string, RuntimeRef> {
  const out: Record<string, RuntimeRef> = {};
  for (const c of credentials) {
    const s = c.scheme;
    if (s.kind === "basic") {
      const [username = "", password = ""] = (out[s.name]?.args ?? []) as string[];
      out[s.name] = new RuntimeRef("basic", c.part === "password" ? [username, c.option] : [c.option, password]);
    } else if (s.kind === "apiKey") {
      out[s.name] = new RuntimeRef("apiKey", [s.in, s.paramName, c.option]);
    } else {
      // oauth2 and openIdConnect tokens travel as bearer tokens.
      out[s.name] = new RuntimeRef("bearer", [c.option]);
    }
  }
  return out;
}
