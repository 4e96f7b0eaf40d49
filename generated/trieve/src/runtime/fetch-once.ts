/** One fetch attempt under its own timeout. */
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "./errors.js";
import type { Fetch } from "./types.js";

/**
 * Calls `fetch` once, aborting after `ms`. The caller's signal is linked by hand (AbortSignal.any is
 * not everywhere); its abort becomes APIUserAbortError, the timeout APIConnectionTimeoutError and any
 * other failure APIConnectionError.
 */
export async function fetchOnce(fetch: Fetch, url: string, init: RequestInit, ms: number, signal: AbortSignal | undefined): Promise<Response> {
  // `init` is the caller's own object for this request: it takes each attempt's signal without a copy.
  if (signal?.aborted) throw new APIUserAbortError();
  const ctl = new AbortController();
  const abort = () => ctl.abort();
  const timer = setTimeout(abort, ms);
  signal?.addEventListener("abort", abort);
  try {
    init.signal = ctl.signal;
    return await fetch(url, init);
  } catch (e) {
    throw signal?.aborted ? new APIUserAbortError() : ctl.signal.aborted ? new APIConnectionTimeoutError(`Request timed out after ${ms}ms.`) : new APIConnectionError(undefined, e);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}
