/**
 * A response body read past the headers, where the attempt's timeout no longer runs (streams of events,
 * binary bodies handed to the caller). One rule replaces it: the body ends with an error when no byte
 * arrives for `ms` milliseconds while someone is reading. A slow consumer is not the server's fault, so
 * the clock only runs during a read.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, type SDKError } from "./errors.js";

export interface GuardedReader {
  /**
   * The next chunk, or undefined at the end of the body. Rejects with APIConnectionTimeoutError after
   * `ms` without a byte, APIUserAbortError once the signal aborts, APIConnectionError when the
   * connection fails; the connection is closed in each case.
   */
  read(): Promise<Uint8Array | undefined>;
  /** Closes the connection now (cancelling the body is what makes fetch drop the socket). Never rejects. */
  cancel(): void;
}

export function guardedReader(body: ReadableStream<Uint8Array>, ms: number, signal?: AbortSignal): GuardedReader {
  const reader = body.getReader();
  /** Why reading stopped early; cancelling resolves a pending read as done, and this tells it apart from the end. */
  let why: SDKError | undefined;
  const stop = (e?: SDKError) => {
    why ??= e;
    signal?.removeEventListener("abort", onAbort);
    reader.cancel().catch(() => {});
  };
  const onAbort = () => stop(new APIUserAbortError());
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort);
  return {
    async read() {
      if (why) throw why;
      // One timer per read costs about a microsecond; reads are per network chunk, not per event.
      const timer = setTimeout(() => stop(new APIConnectionTimeoutError(`No data received for ${ms}ms.`)), ms);
      // Spelled through the reader: `ReadableStreamReadResult` is a DOM-only name that Node's types lack.
      let r: Awaited<ReturnType<typeof reader.read>>;
      try {
        r = await reader.read();
      } catch (e) {
        // `TypeError: terminated` when the server resets the connection mid-body.
        throw why ?? new APIConnectionError(undefined, e);
      } finally {
        clearTimeout(timer);
      }
      if (why) throw why;
      if (!r.done) return r.value;
      signal?.removeEventListener("abort", onAbort);
      return undefined;
    },
    cancel: () => stop(),
  };
}

/** The same rule as a web ReadableStream, for a Response handed to the caller. Pulls only on demand. */
export function guardBody(
  body: ReadableStream<Uint8Array>,
  ms: number,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const r = guardedReader(body, ms, signal);
  return new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        const chunk = await r.read();
        if (chunk) c.enqueue(chunk);
        else c.close();
      },
      cancel: r.cancel,
    },
    { highWaterMark: 0 },
  );
}
