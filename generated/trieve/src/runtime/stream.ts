/**
 * `Stream<T>`: what an operation answering `text/event-stream` returns. An AsyncIterable of each event's
 * `data:` parsed as JSON, ending at the end of the body or at `data: [DONE]`, as openai-node's is.
 * Reached only through `sseResponse`/`sseOrJSONResponse` (responses-sse.ts), so bundles of operations
 * that never stream leave it out.
 */
import { APIError, APIUserAbortError, SDKError, describe } from "./errors.js";
import { guardedReader } from "./guard-body.js";
import { SSEDecoder, type ServerSentEvent } from "./sse-decoder.js";

/** One event with its data parsed; `event` and `id` are kept for APIs whose data does not repeat them. */
export interface StreamEvent<T> extends Omit<ServerSentEvent, "data"> {
  data: T;
}

export interface SSEOptions {
  /** Idle timeout: the stream fails when no byte arrives for this long while it is read. Default 60 000 ms. */
  timeout?: number | undefined;
  /** The request's signal: aborting it aborts the stream's controller. */
  signal?: AbortSignal | undefined;
}

export class Stream<T> implements AsyncIterable<T> {
  /**
   * Aborting it closes the connection at once, read or not; a loop over the stream then ends quietly,
   * as leaving the loop (`break`, `return`, an exception) does.
   */
  readonly controller: AbortController;
  #events: (() => AsyncGenerator<StreamEvent<T>>) | undefined;

  constructor(events: () => AsyncGenerator<StreamEvent<T>>, controller: AbortController) {
    this.#events = events;
    this.controller = controller;
  }

  /**
   * The stream of a `text/event-stream` response. An `event: error`, or data whose `error` field is set,
   * throws an APIError carrying the server's message; data that is not JSON throws an APIError quoting it.
   */
  static fromSSEResponse<T>(
    response: Response,
    options: SSEOptions = {},
    controller = new AbortController(),
  ): Stream<T> {
    options.signal?.addEventListener("abort", () => controller.abort(), { once: true });
    if (options.signal?.aborted) controller.abort();
    // Now rather than at the first read: an abort before anyone reads closes the connection too.
    const reader = guardedReader(response.body ?? new Blob().stream(), options.timeout ?? 60_000, controller.signal);
    async function* events(): AsyncGenerator<StreamEvent<T>> {
      const decoder = new SSEDecoder();
      try {
        for (let chunk: Uint8Array | undefined; ; ) {
          chunk = await reader.read();
          for (const e of decoder.push(chunk)) {
            if (e.data === "[DONE]") return;
            const data = parseData(e.data, response);
            if (
              e.event === "error" ||
              (data && typeof data === "object" && (data as { error?: unknown }).error != null)
            )
              throw new APIError(describe(data) || "Error event in the stream", undefined, data, response.headers);
            yield { ...e, data: data as T };
          }
          if (!chunk) return;
        }
      } catch (e) {
        // The caller's own abort ends the loop rather than failing it.
        if (e instanceof APIUserAbortError && controller.signal.aborted) return;
        throw e;
      } finally {
        // break, return, a throw in the loop body, [DONE] or an error event: the connection closes now.
        reader.cancel();
      }
    }
    return new Stream(events, controller);
  }

  /**
   * The inverse of `toReadableStream()`: a Stream over newline-delimited JSON bytes, e.g. a `fetch`
   * body in the browser that a server filled from `toReadableStream()`.
   */
  static fromReadableStream<T>(stream: ReadableStream<Uint8Array>, controller = new AbortController()): Stream<T> {
    async function* events(): AsyncGenerator<StreamEvent<T>> {
      const reader = stream.getReader();
      const abort = () => reader.cancel().catch(() => {});
      controller.signal.addEventListener("abort", abort);
      const text = new TextDecoder();
      let rest = "";
      try {
        for (let r = await reader.read(); ; r = await reader.read()) {
          const lines = (rest + text.decode(r.value, { stream: !r.done })).split("\n");
          rest = r.done ? "" : lines.pop()!;
          for (const line of lines)
            if (line.trim()) yield { event: "message", id: "", retry: undefined, data: JSON.parse(line) };
          if (r.done) return;
        }
      } finally {
        controller.signal.removeEventListener("abort", abort);
        await abort();
      }
    }
    return new Stream(events, controller);
  }

  /** Each event with its name and id, beside its data. A stream is read once: this or the loop. */
  events(): AsyncGenerator<StreamEvent<T>> {
    const events = this.#events;
    if (!events) throw new SDKError("This stream has already been read; a stream can be read once.");
    this.#events = undefined;
    return events();
  }

  // A plain iterator over events(), not a generator: one async step fewer per event.
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const it = this.events();
    return {
      next: async () => {
        const r = await it.next();
        return r.done ? r : { done: false, value: r.value.data };
      },
      return: (value?: any) => it.return(value),
      throw: (e?: unknown) => it.throw(e),
    } as AsyncIterator<T>;
  }

  /**
   * The events as a web ReadableStream of newline-delimited JSON bytes: a Response body to hand to a
   * browser, which rebuilds the Stream with `Stream.fromReadableStream(response.body)`. Cancelling it
   * closes the connection.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const it = this[Symbol.asyncIterator]();
    const bytes = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async pull(c) {
        const r = await it.next();
        if (r.done) c.close();
        else c.enqueue(bytes.encode(JSON.stringify(r.value) + "\n"));
      },
      async cancel() {
        await it.return?.();
      },
    });
  }
}

function parseData(data: string, response: Response): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new APIError(`Event data is not JSON: ${data.slice(0, 200)}`, response.status, data, response.headers);
  }
}
