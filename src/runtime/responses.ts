/**
 * Readers of non-JSON success responses (JSON is built into the core). Operations name theirs in
 * their OperationSpec (`response: textResponse`), so only bundles that need them carry them.
 */
import { guardBody } from "./guard-body.js";
import type { ResponseReader } from "./types.js";

export const textResponse: ResponseReader = {
  read: async (r, keep) => (await (keep ? r.clone() : r).text()) || undefined,
};

/**
 * The Response itself, body unread (`.body`, `.arrayBuffer()`, `.blob()`), as openai-node gives it:
 * nothing is buffered, so a 2 GB download costs no memory until read. The attempt's timeout ends at
 * the headers; the body is then cut off when no byte arrives for `timeout` ms (APIConnectionTimeoutError)
 * or the request's signal aborts (APIUserAbortError). Past the headers nothing is retried.
 */
export const binaryResponse: ResponseReader = {
  read: async (r, _keep, client, _op, _params, o) => {
    if (!r.body) return r;
    const out = new Response(guardBody(r.body, o?.timeout ?? client.options.timeout ?? 60_000, o?.signal), r);
    // A new Response has no URL; the caller may want to know where a redirect led.
    return Object.defineProperty(out, "url", { value: r.url });
  },
};

/** Nothing to read (the body is released, unless `withResponse()` wants it); `accept` still asks for JSON, the format of error bodies. */
export const voidResponse: ResponseReader = {
  accept: "application/json",
  read: async (r, keep) => void (keep || r.body?.cancel().catch(() => {})),
};
