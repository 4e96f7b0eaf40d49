import type { NamedApi, NamedCredential } from "../name/named-api.js";
import type { ClientSpec, SecuritySchemeSpec } from "../runtime/types.js";

/** The runtime descriptor of the client: servers, credentials, schemes, security, envelope. */
export function clientSpec(api: NamedApi): ClientSpec {
  const { model, client } = api;
  const spec: ClientSpec = {
    name: client.className,
    servers: model.servers.map((s) => {
      const vars = Object.entries(s.variables);
      return vars.length
        ? { url: s.url, variables: Object.fromEntries(vars.map(([k, v]) => [k, v.enum ? { default: v.default, enum: v.enum } : { default: v.default }])) }
        : { url: s.url };
    }),
    credentials: api.credentials.map((c) => (c.env ? { option: c.option, env: c.env } : { option: c.option })),
    schemes: schemes(api.credentials),
    security: model.security,
    clientParams: api.clientParams.map((p) => ({ option: p.option, in: p.in, name: p.name, ...(p.env ? { env: p.env } : {}) })),
  };
  if (model.config.idempotencyHeader) spec.idempotencyHeader = model.config.idempotencyHeader;
  if (model.config.envelope) spec.envelope = model.config.envelope;
  return spec;
}

function schemes(credentials: NamedCredential[]): Record<string, SecuritySchemeSpec> {
  const out: Record<string, SecuritySchemeSpec> = {};
  for (const c of credentials) {
    const s = c.scheme;
    if (s.kind === "basic") {
      const existing = out[s.name];
      const current = existing?.type === "basic" ? existing : { type: "basic" as const, username: "", password: "" };
      out[s.name] = c.part === "password" ? { ...current, password: c.option } : { ...current, username: c.option };
    } else if (s.kind === "apiKey") {
      out[s.name] = { type: "apiKey", in: s.in, name: s.paramName, credential: c.option };
    } else {
      // oauth2 and openIdConnect tokens travel as bearer tokens.
      out[s.name] = { type: "bearer", credential: c.option };
    }
  }
  return out;
}
