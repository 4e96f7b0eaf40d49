/** `client.withOptions(...)`, for the flat client and the builder API classes (the core leaves it out of one-operation bundles). */
import type { ClientCore } from "./core.js";

/**
 * A new client of the same class as `client`, with `options` over its options (each option given
 * replaces the client's: `defaultHeaders` whole, not header by header). They share no mutable state:
 * `defaultHeaders` is copied, and `addMiddleware` replaces the middleware list rather than changing it.
 * One exception, by design: an OAuth2 client's token cache (oauth2.ts), which the copy of the options
 * carries, so that a derived client uses the token its parent has while they ask the same endpoint.
 */
export function deriveClient<C extends ClientCore>(client: C, options: object): C {
  const own: Record<string, unknown> = client.options;
  // Every option, credentials too (auth makes them non-enumerable, which a spread skips) and the
  // symbol-keyed ones (OAuth2's token cache).
  const all = Object.fromEntries(Reflect.ownKeys(own).map((k) => [k, own[k as string]]));
  const Client = client.constructor as new (options: object) => C;
  const derived = new Client({ ...all, defaultHeaders: { ...client.options.defaultHeaders }, ...options });
  // A builder's core runs middleware by its `intercept`, which its class does not set.
  derived.intercept ??= client.intercept;
  return derived;
}
