/**
 * Middleware: the client's `middleware` option, `client.use(m)` and the per-request `middleware`
 * option. The core wraps fetch with its `intercept` only when there is some, so a request without pays
 * one check; and the core has an `intercept` only when the client class, a builder API class or
 * `addMiddleware` sets it, so a one-operation bundle leaves this module out.
 */
import { SDKError } from "./errors.js";
import type { ClientOptions, Fetch, Middleware, MiddlewareOperation } from "./types.js";

/** A client as middleware needs it: its options, and the core's `intercept` hook. */
interface MiddlewareClient {
  readonly options: ClientOptions;
  intercept?: Intercept;
}

/** Lets a client run middleware (sets its `intercept`); returns it. */
export function enableMiddleware<C extends MiddlewareClient>(client: C): C {
  client.intercept ??= intercept;
  return client;
}

/**
 * `client.use(m)`, and what the standalone functions' core takes middleware with: adds a middleware
 * after the client's. A new list, never a push, so neither a client made by withOptions nor the
 * caller's own array changes; requests already sent keep theirs.
 */
export function addMiddleware(client: MiddlewareClient, middleware: Middleware): void {
  const { options } = enableMiddleware(client);
  options.middleware = [...(options.middleware ?? []), middleware];
}

/**
 * `fetch` with the hooks around it: onRequest in order on a Request built from fetch's arguments, then
 * fetch, or, when the connection fails, the first Response an onError hook gives (in reverse order), then
 * onResponse in reverse order. One context object, updated as it goes, serves every hook. A hook's
 * error comes out as an SDKError holding it as `thrown`: the attempt passes SDKErrors as they are
 * (anything else would count as a connection error, and be retried), and the core throws `thrown`.
 */
export type Intercept = typeof intercept;

/**
 * The fetch of one attempt with the hooks around it. `resent(n)` tells it the call was sent again `n`
 * times outside the core's retries (OAuth2's resend with a renewed token after a 401): the hooks
 * then see attempt numbers `n` higher, from the next request on (its redirects included), so that
 * every fresh send of the call is an attempt of its own and the numbers stay consecutive.
 */
export type InterceptedFetch = Fetch & { resent(n: number): void };

export const intercept = (
  client: readonly Middleware[] = [],
  request: readonly Middleware[] = [],
  operation: MiddlewareOperation,
  attempt: number,
  fetch: Fetch,
): InterceptedFetch => {
  const list = [...client, ...request];
  // What the hooks see of the operation, the spec's path template even for a next page's URL (pagination.ts).
  const { id, method, path, pathTemplate = path } = operation as MiddlewareOperation & { pathTemplate?: string };
  const described: MiddlewareOperation = { id, method, path: pathTemplate };
  let resent = 0;
  const send: Fetch = async (url, init) => {
    const signal = init?.signal;
    const c: Record<string, any> = { request: new Request(url, init), operation: described, attempt: attempt + resent };
    const run = async (hook: keyof Middleware, key: string, back?: 1) => {
      try {
        for (const m of back ? [...list].reverse() : list)
          if ((c[key] = (await m[hook]?.(c as never)) || c[key]) && hook == "onError") break;
      } catch (thrown) {
        throw Object.assign(new SDKError(String(thrown)), { thrown });
      }
    };
    await run("onRequest", "request");
    try {
      // The attempt's signal, whatever Request a hook built: the timeout and the caller's abort still apply.
      c.response = await fetch(c.request, { signal });
    } catch (e) {
      c.error = e;
      // A timeout or an abort is not the connection failing: no hook answers in its place.
      if (!signal?.aborted) await run("onError", "response", 1);
      if (!c.response) throw e;
    }
    await run("onResponse", "response", 1);
    return c.response;
  };
  return Object.assign(send, { resent: (n: number) => void (resent = n) });
};
