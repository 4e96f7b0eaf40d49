/**
 * Security, for clients whose spec declares schemes. A generated client describes it as
 * `auth({ token: bearer("apiToken") }, [["token"]])`: clients without schemes never import this file,
 * and each kind of scheme is bundled only when a client uses it.
 */
import { setCookies } from "./cookies.js";
import { SDKError } from "./errors.js";
import { followRedirects } from "./redirects.js";
import type { ApplyAuth, Auth, ClientAuth, ClientSpec, Redact, Scheme, SecurityRequirement, Send } from "./types.js";
import { isObject, optionValue } from "./util.js";

type Values = Record<string, string | undefined>;

export const bearer = (credential: string): Scheme => ({
  needs: [credential],
  apply: (v, to) => (to.header.authorization = "Bearer " + v[credential]),
});

/** btoa only takes Latin-1, so the UTF-8 bytes are encoded. */
export const basic = (username: string, password: string): Scheme => ({
  needs: [username, password],
  apply: (v, to) =>
    (to.header.authorization =
      "Basic " + btoa(String.fromCharCode(...new TextEncoder().encode(`${v[username]}:${v[password]}`)))),
});

export const apiKey = (where: "header" | "query", name: string, credential: string): Scheme => ({
  needs: [credential],
  hide: name.toLowerCase(),
  apply: (v, to) => (to[where][name] = v[credential]),
});

/** An API key sent as a cookie: apart from `apiKey`, so clients without one don't bundle the Cookie header code. */
export const apiKeyCookie = (name: string, credential: string): Scheme => ({
  needs: [credential],
  hide: name.toLowerCase(),
  apply: (v, to) => setCookies(to, { [name]: v[credential] }),
});

/** The client's schemes by name and its top-level security requirement. */
export function auth(schemes: Record<string, Scheme>, security: SecurityRequirement): Auth {
  return (spec, options, hidden, baseURL = "") => {
    const values: Values = {};
    const secrets: string[] = [];
    for (const c of spec.credentials ?? []) {
      const v = (values[c.option] = optionValue(options, c.option, c.env));
      if (v) secrets.push(v);
      // Kept, but out of util.inspect(client), JSON.stringify(client.options) and spreads of it.
      if (c.option in options) Object.defineProperty(options, c.option, { enumerable: false });
    }
    const redact = redactor(secrets);
    // This client's senders, for the schemes that fetch their credential (OAuth2): each keeps its own token.
    const senders = new Map<Scheme, Send>();
    for (const s of Object.values(schemes)) {
      if (s.hide) hidden.add(s.hide);
      if (s.sender) senders.set(s, s.sender(values, options, baseURL, secrets, redact));
    }
    // Credentials are fixed once the client exists, so each requirement's choice is made once.
    const chosen = new Map<SecurityRequirement, Scheme[]>();
    const pick = (requirement: SecurityRequirement): Scheme[] => {
      let found = chosen.get(requirement);
      if (!found) chosen.set(requirement, (found = pickSchemes(spec, schemes, requirement, values)));
      return found;
    };
    // Missing credentials fail at construction rather than on the first request.
    pick(security);
    const apply: ApplyAuth = (draft) => {
      // Unless fetchOptions say otherwise, redirects are followed by hand (`follow`), credentials dropped on another origin.
      draft.init.redirect ??= "manual";
      for (const s of pick(draft.op.security ?? security)) s.apply(values, draft);
    };
    const send: ClientAuth["send"] = async (fetch, url, init, op) => {
      const own = pick(op.security ?? security)
        .map((s) => senders.get(s))
        .find(Boolean);
      const r = await (own ? own(fetch, url, init) : fetch(url, init));
      return r.ok ? r : followRedirects(fetch, r, url, init, hidden, redact);
    };
    return { apply, redact, send };
  };
}

/**
 * Replaces each secret with `***` in a string, and in the strings (keys too) of a JSON value or Headers,
 * which it copies. URLs carry a value percent-encoded, so that spelling goes too; longest first, so a
 * secret containing another is not left half-redacted.
 */
function redactor(values: string[]): Redact {
  // Read at each use: an OAuth2 sender adds every token it fetches.
  const text = (t: string): string =>
    values
      .flatMap((v) => [v, encodeURIComponent(v)])
      .sort((a, b) => b.length - a.length)
      .reduce((t, s) => t.split(s).join("***"), t);
  const redact = (v: unknown): unknown =>
    typeof v == "string"
      ? text(v)
      : v instanceof Headers
        ? copyHeaders(v, text)
        : Array.isArray(v)
          ? v.map(redact)
          : isObject(v)
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), redact(x)]))
            : v;
  return redact as Redact;
}

/** A copy of `headers` with `text` applied to each value: forEach, since without DOM.Iterable Headers do not iterate. */
function copyHeaders(headers: Headers, text: (t: string) => string): Headers {
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, text(value)));
  return out;
}

/**
 * The first alternative whose credentials are all set; none when auth is absent or optional.
 * Otherwise throws an SDKError naming the options and environment variables that would satisfy it.
 */
function pickSchemes(
  spec: ClientSpec,
  schemes: Record<string, Scheme>,
  requirement: SecurityRequirement,
  values: Values,
): Scheme[] {
  // Alternatives naming a scheme the runtime does not know (none was generated for it) cannot be met; skip them.
  const alts = requirement.map((alt) => alt.map((name) => schemes[name]!)).filter((alt) => alt.every(Boolean));
  const found = alts.find((alt) => alt.length && alt.every((s) => s.needs.every((c) => values[c])));
  if (found || !alts.length || alts.some((alt) => !alt.length)) return found ?? [];
  const envOf = (option: string) => spec.credentials?.find((c) => c.option === option)?.env;
  // Alternatives that need the same options (one scheme under several scopes, or listed twice) are said once.
  const needs = new Map<string, string[]>();
  for (const alt of alts) {
    const options = [...new Set(alt.flatMap((s) => s.needs))];
    needs.set(options.join("\0"), options);
  }
  const say = [...needs.values()].map((options) => [
    options.map((o) => `\`${o}\``).join(" and "),
    options.map(envOf).filter(Boolean).join(" and "),
  ]);
  // One alternative: "Pass `a` to the client or set A." Several: "Pass `a` (or set A), or `b` and `c` (or set B and C)."
  const [[opts, envs]] = say as [[string, string]];
  const text = say[1]
    ? say.map(([o, e]) => o + (e ? ` (or set ${e})` : "")).join(", or ")
    : `${opts} to the client${envs ? " or set " + envs : ""}`;
  throw new SDKError(`${spec.name}: missing credentials. Pass ${text}.`);
}
