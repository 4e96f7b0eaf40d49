/**
 * Redirects, followed by hand (the core sends with `redirect: "manual"`), because fetch keeps every
 * header but Authorization on a hop to another origin: an API-key header or a Cookie would reach it.
 */
import { APIError, SDKError } from "./errors.js";
import type { Fetch } from "./types.js";

type Init = RequestInit & { headers: Record<string, string> };

/** As many hops as fetch itself allows. */
const MAX_HOPS = 20;

/**
 * Fetches `url`, following redirects. On a hop to another origin (scheme, host or port) every
 * `hidden` header (Authorization, Cookie, API-key headers) and every query parameter of a hidden name
 * is dropped, for that hop and the ones after it; a target that still carries a credential value
 * (`redact` changes it) is refused. 303, and 301/302 after a POST, continue as a GET without a body.
 * A loop fails once with an APIError (the retry rule never retries a 3xx).
 */
export async function fetchFollowing(fetch: Fetch, url: string, init: Init, hidden: Set<string>, redact?: (text: string) => string): Promise<Response> {
  for (let hops = 0; ; hops++) {
    const r = await fetch(url, init);
    const to = r.status > 299 && r.status < 400 && r.headers.get("location");
    // A browser's fetch hides the target of a manual redirect: an "opaqueredirect" response.
    if (r.type == "opaqueredirect") throw new APIError(`Redirect not followed: this fetch hides its target (set fetchOptions.redirect to "follow" to let fetch follow it)`);
    if (!to) return r;
    // Nothing of a redirect's body is read; cancelling it frees the connection.
    r.body?.cancel().catch(() => {});
    if (hops == MAX_HOPS) throw new APIError(`${r.status} redirect not followed: more than ${MAX_HOPS} redirects`, r.status, undefined, r.headers);
    const next = new URL(to, url);
    if (next.origin != new URL(url).origin) {
      // A copy: the next attempt, if any, starts again from the API with its credentials.
      init = { ...init, headers: { ...init.headers } };
      for (const h of hidden) delete init.headers[h];
      for (const k of [...next.searchParams.keys()]) if (hidden.has(k.toLowerCase())) next.searchParams.delete(k);
      if (redact && redact(next.href) != next.href) throw new SDKError(`Redirect to ${redact(next.href)} refused: its URL carries a credential`);
    }
    if (r.status == 303 || (r.status < 303 && init.method == "POST")) {
      const { "content-type": _, ...headers } = init.headers;
      init = { ...init, method: "GET", body: undefined, headers };
    }
    url = next.href;
  }
}
