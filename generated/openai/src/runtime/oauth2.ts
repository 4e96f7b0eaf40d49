/**
 * OAuth2's client credentials flow (RFC 6749 §4.4), for clients whose spec declares one: the client
 * trades its id and secret for an access token at the token endpoint, keeps the token until shortly
 * before it expires and sends it as a bearer token. Only clients of such specs import this file.
 */
import { attempt } from "./attempt.js";
import { DEFAULT_TIMEOUT_MS } from "./defaults.js";
import { AuthenticationError } from "./errors.js";
import type { InterceptedFetch } from "./middleware.js";
import type { ClientOptions, Redact, Scheme, Send } from "./types.js";

/** What the token request needs of its client: credential values by option name, options, base URL, redaction. */
type TokenClient = [Record<string, string | undefined>, ClientOptions, string, Redact];

/**
 * The scheme of a `clientCredentials` flow: `id` and `secret` name the client options holding the
 * client's credentials; `scopes` are asked for in every token request. A relative `tokenUrl` resolves
 * against the client's base URL.
 */
export const clientCredentials = (tokenUrl: string, scopes: string[], id: string, secret: string): Scheme => ({
  needs: [id, secret],
  // The token is set by the sender, which may have to fetch it first.
  apply() {},
  sender: (values, options, baseURL, secrets, redact) =>
    tokenSender([values, options, baseURL, redact], secrets, tokenUrl, scopes, id, secret),
});

/** A token and what is known of it; `pending` while it is being asked for. */
interface TokenState {
  token?: string;
  until: number;
  pending?: Promise<string>;
}

/**
 * Where a client keeps its token states, on its options: `withOptions` copies every option, so a
 * derived client reads the same map and uses the token already fetched (a client derived per call,
 * `client.withOptions({ timeout }).accounts.retrieve(…)`, would otherwise cost a token request each).
 */
const TOKENS = Symbol.for("clientgen.oauth2.tokens");

/**
 * Sends a request with a current token. Concurrent requests share one token request; a token is
 * renewed a tenth of its lifetime (at most a minute) before `expires_in` says it ends, and on a 401,
 * once: the request is then sent again, once, and a second 401 is the caller's answer. Clients
 * derived by `withOptions` share the token while the token endpoint, base URL and credentials are the same.
 */
function tokenSender(
  client: TokenClient,
  secrets: string[],
  tokenUrl: string,
  scopes: string[],
  id: string,
  secret: string,
): Send {
  const [values, options, baseURL] = client;
  const states: Map<string, TokenState> = (options as any)[TOKENS] ?? new Map();
  // Not enumerable: out of util.inspect(client.options) and spreads, like the credentials it is keyed by.
  Object.defineProperty(options, TOKENS, { value: states, enumerable: false, configurable: true });
  const key = [tokenUrl, baseURL, values[id], values[secret], ...scopes].join("\n");
  const state = states.get(key) ?? { until: 0 };
  states.set(key, state);
  // The tokens this client used: redacted from its logs, the one before too while requests may still carry it.
  const issued: string[] = [];
  // Headers objects this sender filled (the same request's next attempt gets a current token too), with
  // how often their request was sent again with a new token: middleware counts each resend as an attempt.
  const ours = new WeakMap<object, number>();
  const current = async (stale?: string): Promise<string> => {
    const t =
      state.token && state.token != stale && Date.now() < state.until
        ? state.token
        : await (state.pending ??= fetchToken(client, tokenUrl, scopes, id, secret)
            .then(([t, life, at]) => {
              state.until = life > 0 ? at + life * 1000 - Math.min(60_000, life * 100) : Infinity;
              return (state.token = t);
            })
            .finally(() => (state.pending = undefined)));
    if (!issued.includes(t)) {
      secrets.push(t);
      if (issued.push(t) > 2) secrets.splice(secrets.indexOf(issued.shift()!), 1);
    }
    return t;
  };
  return async (fetch, url, init) => {
    const h = init.headers;
    // An Authorization header of the caller's (defaultHeaders, the request's headers) wins, as over any scheme.
    if (h.authorization && !ours.has(h)) return fetch(url, init);
    // Present only when middleware wraps fetch (middleware.ts).
    const resent = (fetch as Partial<InterceptedFetch>).resent;
    let n = ours.get(h) ?? 0;
    ours.set(h, n);
    resent?.(n);
    const used = await current();
    h.authorization = "Bearer " + used;
    const r = await fetch(url, init);
    // A streamed body is gone: its 401 is the answer.
    if (r.status != 401 || init.duplex) return r;
    await r.body?.cancel();
    h.authorization = "Bearer " + (await current(used));
    ours.set(h, ++n);
    resent?.(n);
    return fetch(url, init);
  };
}

/**
 * One token request: a form-encoded POST of `grant_type=client_credentials` (and the scopes), the
 * client authenticating with HTTP Basic, which RFC 6749 §2.3.1 requires every server to accept. It
 * runs under the client's timeout, through its `fetch` but no per-request step, and is not retried.
 * Resolves to the token, its lifetime in seconds (0: unknown) and when it was asked for; any failure
 * is an AuthenticationError naming the endpoint, redacted.
 */
async function fetchToken(
  [values, options, baseURL, redact]: TokenClient,
  tokenUrl: string,
  scopes: string[],
  id: string,
  secret: string,
): Promise<[string, number, number]> {
  const at = Date.now();
  let endpoint = tokenUrl;
  const fail = (why: string, status?: number, body?: unknown, cause?: unknown): AuthenticationError =>
    new AuthenticationError(redact(`Token request to ${endpoint} failed: ${why}`), status, redact(body), undefined, {
      cause,
    });
  let status: number;
  let ok: boolean;
  let text: string;
  try {
    // OpenAPI resolves a relative URL in the spec against the server's.
    endpoint = new URL(tokenUrl, baseURL.replace(/\/*$/, "/")).href;
    const body = new URLSearchParams({ grant_type: "client_credentials" });
    if (scopes.length) body.set("scope", scopes.join(" "));
    // RFC 6749 §2.3.1: each half form-encoded before Base64, which leaves only ASCII for btoa.
    const form = (v = "") => new URLSearchParams({ v }).toString().slice(2);
    const headers = {
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
      authorization: "Basic " + btoa(form(values[id]) + ":" + form(values[secret])),
    };
    [status, ok, text] = await attempt(options.timeout ?? DEFAULT_TIMEOUT_MS, undefined, async (signal) => {
      const r = await (options.fetch ?? fetch)(endpoint, {
        ...options.fetchOptions,
        method: "POST",
        headers,
        body,
        signal,
      });
      return [r.status, r.ok, await r.text()] as const;
    });
  } catch (e) {
    throw fail((e as Error).message, undefined, undefined, e);
  }
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {}
  if (!ok) {
    // RFC 6749 §5.2: `error` and `error_description`.
    const said = [json?.error, json?.error_description].filter((v) => typeof v == "string").join(": ");
    throw fail(`${status}${said ? ": " + said : ""}`, status, json ?? text);
  }
  const token = json?.access_token;
  if (typeof token != "string" || !token)
    throw fail(`${status} answer has no access_token${json ? "" : " (not JSON)"}`, status);
  return [token, Number(json.expires_in) || 0, at];
}
