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
  /** Yield `{ event, data }`, the event's name beside its data, as an event schema of that shape types it. */
  framed?: boolean | undefined;
}

/**
 * Where a Stream's events come from: `next()` gives the next event (synchronously when one is already
 * decoded), or undefined at the end; `close()` closes the connection and may be called any number of times.
 */
export interface EventReader<T> {
  next(): StreamEvent<T> | undefined | Promise<StreamEvent<T> | undefined>;
  close(): void;
}

export class Stream<T> implements AsyncIterable<T> {
  /**
   * Aborting it closes the connection at once, read or not; a loop over the stream then ends quietly,
   * as leaving the loop (`break`, `return`, an exception) does.
   */
  readonly controller: AbortController;
  #source: EventReader<T> | undefined;

  // `EventReader<unknown>`, not `<T>`: what the constructor takes stays out of the type the package's users see change.
  constructor(source: EventReader<unknown>, controller: AbortController) {
    this.#source = source as EventReader<T>;
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
    const { signal } = options;
    const abort = () => controller.abort();
    signal?.addEventListener("abort", abort, { once: true });
    if (signal?.aborted) abort();
    // Now rather than at the first read: an abort before anyone reads closes the connection too.
    const reader = guardedReader(response.body ?? new Blob([]).stream(), options.timeout ?? 60_000, controller.signal);
    const decoder = new SSEDecoder();
    let queue: ServerSentEvent[] = [];
    let i = 0;
    let ended = false;
    const next = (): ReturnType<EventReader<T>["next"]> => {
      while (i < queue.length) {
        const e = queue[i++]!;
        if (e.data === "[DONE]") {
          ended = true;
          break;
        }
        const data = parseData(e.data, response);
        if (e.event === "error" || (data && typeof data === "object" && (data as { error?: unknown }).error != null))
          throw new APIError(describe(data) || "Error event in the stream", undefined, data, response.headers);
        return {
          event: e.event,
          id: e.id,
          retry: e.retry,
          data: (options.framed ? { event: e.event, data } : data) as T,
        };
      }
      if (ended) return undefined;
      return reader.read().then((chunk) => {
        queue = decoder.push(chunk);
        i = 0;
        ended = !chunk;
        return next();
      });
    };
    const close = () => {
      // A long-lived signal shared by many requests keeps no closed stream alive.
      signal?.removeEventListener("abort", abort);
      reader.cancel();
    };
    return new Stream<T>({ next, close }, controller);
  }

  /**
   * The inverse of `toReadableStream()`: a Stream over newline-delimited JSON bytes, e.g. a `fetch`
   * body in the browser that a server filled from `toReadableStream()`.
   */
  static fromReadableStream<T>(stream: ReadableStream<Uint8Array>, controller = new AbortController()): Stream<T> {
    const reader = stream.getReader();
    const close = () => void reader.cancel().catch(() => {});
    controller.signal.addEventListener("abort", close, { once: true });
    const text = new TextDecoder();
    let lines: string[] = [];
    let rest = "";
    let ended = false;
    const next = (): ReturnType<EventReader<T>["next"]> => {
      for (let line = lines.shift(); line !== undefined; line = lines.shift())
        if (line.trim()) return { event: "message", id: "", retry: undefined, data: JSON.parse(line) as T };
      if (ended || controller.signal.aborted) return undefined;
      return reader.read().then((r) => {
        lines = (rest + text.decode(r.value, { stream: !r.done })).split("\n");
        rest = r.done ? "" : lines.pop()!;
        ended = r.done;
        return next();
      });
    };
    return new Stream<T>({ next, close }, controller);
  }

  /** Each event with its name and id, beside its data. A stream is read once: this or the loop. */
  events(): AsyncIterableIterator<StreamEvent<T>> {
    return this.#iterate((e) => e);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this.#iterate((e) => e.data);
  }

  /**
   * A plain iterator rather than an async generator: one promise per event, and an event already
   * decoded from the last chunk is handed over without waiting on the network.
   */
  #iterate<R>(pick: (e: StreamEvent<T>) => R): AsyncIterableIterator<R> {
    const source = this.#source;
    if (!source) throw new SDKError("This stream has already been read; a stream can be read once.");
    this.#source = undefined;
    const { signal } = this.controller;
    const end: IteratorReturnResult<undefined> = { done: true, value: undefined };
    return {
      async next() {
        try {
          const e = await source.next();
          if (e) return { done: false, value: pick(e) };
        } catch (err) {
          source.close();
          // The caller's own abort ends the loop rather than failing it.
          if (!(err instanceof APIUserAbortError && signal.aborted)) throw err;
        }
        // The end of the body, [DONE], an abort: nothing more will be read, so the connection closes now.
        source.close();
        return end;
      },
      // break, return or a throw in the loop body.
      async return() {
        source.close();
        return end;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
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
