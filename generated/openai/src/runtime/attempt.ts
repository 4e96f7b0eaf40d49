/** One attempt under its own timeout: from sending the request to the last byte of the body read. */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, SDKError } from "./errors.js";

/**
 * Runs `send(signal)` (the fetch, any redirects and the reading of the body) with a signal that aborts
 * after `ms` or when the caller's signal does, so a server that stalls or drips its body is cut off
 * like one that never answers. The caller's signal is linked by hand (AbortSignal.any is not
 * everywhere). Failures become APIUserAbortError (the caller aborted), APIConnectionTimeoutError or
 * APIConnectionError (`TypeError: terminated` mid-body included); the client's own errors pass as
 * they are. The timer is the same one the headers needed, so covering the body costs nothing more.
 */
export async function attempt<T>(
  ms: number,
  signal: AbortSignal | undefined,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw new APIUserAbortError();
  const ctl = new AbortController();
  const abort = () => ctl.abort();
  const timer = setTimeout(abort, ms);
  signal?.addEventListener("abort", abort);
  try {
    return await send(ctl.signal);
  } catch (e: any) {
    // fetch's own redirect limit (a loop, for clients that let fetch follow): an answer, not a failed connection, so never retried.
    const why: string = e?.cause?.message ?? e?.message;
    throw e instanceof SDKError
      ? e
      : signal?.aborted
        ? new APIUserAbortError()
        : ctl.signal.aborted
          ? new APIConnectionTimeoutError(`Request timed out after ${ms}ms.`)
          : /redirect/i.test(why)
            ? new APIError("Redirect not followed: " + why)
            : new APIConnectionError(undefined, e);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}
