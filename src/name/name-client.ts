import type { Diagnostic } from "../diagnostics.js";
import type { ApiModel, CredentialPart } from "../model/api-model.js";
import { GLOBAL_NAMES } from "./global-names.js";
import { camel, pascal, pascalKeepingCase, uniqueName, words } from "./identifiers.js";
import type { ClientNames, NamedClientParam, NamedCredential } from "./named-api.js";
import { NameScope, renamed } from "./rename-warning.js";
import { RESERVED } from "./reserved-names.js";

/** Words that describe the document rather than name the API: `Stripe API`, `GitHub's official OpenAPI spec`. */
const GENERIC_WORD =
  /^(api|apis|rest|restful|v\d+(\.\d+)*|openapi|swagger|service|spec|specification|official|documentation|docs|interactive|ui|definition)$/i;

/**
 * A class name from a spec title: the title's first part (before ` - `, ` + `, `:` or `|`, with
 * possessives and parentheses dropped) without generic words at its end, so
 * `GitHub's official OpenAPI spec + Octokit extension` → `GitHub` and `Stripe API` → `Stripe`.
 * A one-word first part keeps a short second one: `Twilio - Pricing` → `TwilioPricing`. Words keep
 * their casing: `OpenAI API` → `OpenAI`.
 */
export function clientNameFromTitle(title: string): string {
  const parts = title
    .replace(/\([^)]*\)/g, " ")
    .replace(/['\u2019]s\b/g, "")
    .split(/\s[-\u2013\u2014+|]\s|:\s/)
    .map((part) => part.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)));
  const trim = (ws: string[]): string[] => {
    const out = /^the$/i.test(ws[0] ?? "") ? ws.slice(1) : [...ws];
    while (out.length > 0 && GENERIC_WORD.test(out[out.length - 1]!.replace(/[^A-Za-z0-9.]/g, ""))) out.pop();
    return out;
  };
  const first = trim(parts[0] ?? []);
  const second = trim(parts[1] ?? []);
  const chosen = parts[0]?.length === 1 && second.length > 0 && second.length <= 2 ? [...first, ...second] : first;
  return pascalKeepingCase(chosen.join(" "));
}

export function nameClient(
  model: ApiModel,
  provider: string,
  override: string | undefined,
  warnings: Diagnostic[],
): ClientNames {
  // `--name` is said for this one run, so it beats the name clientgen.yaml keeps for every run.
  const wanted = override ?? model.names.client ?? (clientNameFromTitle(model.title) || pascal(provider) || "Client");
  const className = GLOBAL_NAMES.has(wanted) ? `${wanted}Client` : wanted;
  if (className !== wanted)
    warnings.push(
      renamed({
        at: ["info", "title"],
        what: `client class '${wanted}' would shadow the global '${wanted}'`,
        used: className,
        configKey: "name",
      }),
    );
  const envPrefix = words(provider).join("_").toUpperCase() || "API";
  return {
    className,
    coreClassName: `${className}Core`,
    optionsType: `${className}Options`,
    errorClass: `${className}Error`,
    packageName: model.names.packageName ?? packageNameFor(provider),
    envPrefix,
    baseURLEnv: `${envPrefix}_BASE_URL`,
    provider,
  };
}

/** `openai` → `openai-client`; a folder already named for a client keeps its name (`spotify-client`, not `spotify-client-client`). */
export function packageNameFor(provider: string): string {
  const base = provider
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+/, "");
  const stem = base.replace(/[._-]?client$/, "");
  return stem ? `${stem}-client` : "client";
}

/** Credentials from clientgen.yaml, plus a derived option for every scheme it does not cover. */
export function nameCredentials(model: ApiModel, client: ClientNames, warnings: Diagnostic[]): NamedCredential[] {
  const out: NamedCredential[] = [];
  const taken = new NameScope();
  for (const name of RESERVED.clientOptions) taken.claim(name, { label: "a ClientOptions key" });
  const covered = new Set<string>();
  for (const cred of model.credentials) {
    const option = cred.option;
    const scheme = model.securitySchemes.find((s) => s.name === cred.scheme);
    if (!scheme) continue;
    covered.add(cred.scheme);
    taken.claim(option, { label: `the credential '${option}' in clientgen.yaml` });
    const named: NamedCredential = { option, scheme };
    if (cred.env) named.env = cred.env;
    if (cred.part) named.part = cred.part;
    const description = cred.description ?? scheme.description;
    if (description) named.description = description;
    out.push(named);
  }
  for (const scheme of model.securitySchemes) {
    if (covered.has(scheme.name)) continue;
    const base = camel(scheme.name) || "credential";
    // A client credentials flow takes the client's id and secret, named as OAuth2 names them (`clientId`), not after the scheme.
    const parts: (undefined | CredentialPart)[] =
      scheme.kind === "basic"
        ? ["username", "password"]
        : scheme.kind === "oauth2" && scheme.clientCredentials
          ? ["clientId", "clientSecret"]
          : [undefined];
    for (const part of parts) {
      const wanted =
        part === "username" || part === "password" ? base + part[0]!.toUpperCase() + part.slice(1) : (part ?? base);
      const option = uniqueName(wanted, taken);
      if (option !== wanted) {
        warnings.push(
          renamed({
            at: ["components", "securitySchemes", scheme.name],
            what: `credential option '${wanted}' for scheme '${scheme.name}' is taken`,
            used: option,
            configKey: `credentials.<name> with scheme: ${scheme.name}`,
            holder: taken.holder(wanted),
          }),
        );
      }
      taken.claim(option, {
        label: `scheme '${scheme.name}'`,
        pointer: ["components", "securitySchemes", scheme.name],
      });
      const named: NamedCredential = {
        option,
        scheme,
        env: `${client.envPrefix}_${words(option).join("_").toUpperCase()}`,
      };
      if (part) named.part = part;
      if (scheme.description) named.description = scheme.description;
      out.push(named);
    }
  }
  return out;
}

export function nameClientParams(model: ApiModel): NamedClientParam[] {
  return model.clientParams.map((p) => {
    const named: NamedClientParam = { option: p.option, in: p.in, name: p.name };
    if (p.env) named.env = p.env;
    if (p.description) named.description = p.description;
    return named;
  });
}
