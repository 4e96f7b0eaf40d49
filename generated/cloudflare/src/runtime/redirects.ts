/**
 * Redirects, followed by hand for clients with credentials (their auth sends requests with
 * `redirect: "manual"`, and the core hands it every answer that is not a 2xx), because fetch keeps
 * every header but Authorization (Node's also drops Cookie) on a hop to another origin: an API-key
 * header would reach it. Clients without credentials let fetch follow; their bundles leave this out.
 */
import { APIError, SDKError } from "./errors.js";
import type { Fetch, Redact } from "./types.js";

export type Init = RequestInit & { headers: Record<string, string> };

/** As many hops as fetch itself allows. */
const MAX_HOPS = 20;

/**
 * Follows the redirect `r` (the answer to `url`) when it is one, else returns it. On a hop to another
 * origin (scheme, host or port) every `hidden` header (Authorization, Cookie, API-key headers) and query
 * parameter (API-key parameters) is dropped, for that hop and the ones after it, and a target URL still
 * carrying a credential value (one `redact` changes) is refused with an SDKError. 303, and 301/302 after
 * a POST, continue as a GET without a body. More than 20 hops fail once with an APIError, which the
 * retry rule never retries (a 3xx).
 */
export async function followRedirects(
  fetch: Fetch,
  r: Response,
  url: string,
  init: Init,
  hidden: Set<string>,
  redact: Redact,
): Promise<Response> {
  for (let hops = 0; ; hops++) {
    const to = r.status > 299 && r.status < 400 && r.headers.get("location");
    // A browser's fetch hides the target of a manual redirect (an "opaqueredirect" response).
    if (!r.status && r.type == "opaqueredirect")
      throw new APIError(
        `Redirect not followed: this fetch hides its target (fetchOptions: { redirect: "follow" } lets fetch follow it)`,
      );
    if (!to) return r;
    if (hops == MAX_HOPS)
      throw new APIError(`Redirect not followed: ${r.status} after ${hops} redirects`, r.status, undefined, r.headers);
    // Nothing of a redirect's body is read; cancelling it frees the connection.
    r.body?.cancel().catch(() => {});
    const next = parse(to, url);
    if (!next)
      throw new APIError(`Redirect not followed: ${r.status} to an invalid Location`, r.status, undefined, r.headers);
    // A copy: the next attempt, if any, starts again from the API with its credentials.
    init = { ...init, headers: { ...init.headers } };
    if (next.origin != new URL(url).origin) {
      for (const h of hidden) delete init.headers[h];
      // Names gathered by forEach first (deleting while walking skips entries), and forEach since without DOM.Iterable URLSearchParams do not iterate.
      const names: string[] = [];
      next.searchParams.forEach((_, k) => names.push(k));
      for (const k of names) if (hidden.has(k.toLowerCase())) next.searchParams.delete(k);
      if (redact(next.href) != next.href)
        throw new SDKError(`Redirect refused: ${redact(next.href)} carries a credential`);
    }
    if (r.status == 303 || (r.status < 303 && init.method == "POST")) {
      init.method = "GET";
      init.body = undefined;
      delete init.headers["content-type"];
    }
    r = await fetch((url = next.href), init);
  }
}

/** The target of a redirect; undefined when the Location cannot be a URL (an answer, not a reason to retry). */
function parse(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}
