/**
 * Server-sent events through ClientCore: `sseResponse` returns a Stream read from a real 127.0.0.1
 * server, which also reports when the client closes the connection.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import {
  APIConnectionTimeoutError,
  APIError,
  ClientCore,
  SDKError,
  Stream,
  UnexpectedResponseError,
  jsonBody,
  sseOrJSONResponse,
  sseResponse,
} from "../../src/runtime/index.js";
import type { ClientOptions, OperationSpec, RequestOptions } from "../../src/runtime/types.js";
import { failure, op, reply, sleep, spec, useTestServer } from "./helpers.js";

const server = useTestServer();
const core = (options: ClientOptions = {}) =>
  new ClientCore(spec(), { baseURL: server.url, logLevel: "off", maxRetries: 0, ...options });

const streamOp = (more: Partial<OperationSpec> = {}) =>
  op({ method: "post", path: "/chat", response: sseResponse, body: { mode: "fields", encode: jsonBody }, ...more });

type Chunk = { n: number };
const request = (options?: ClientOptions, params: Record<string, unknown> = { stream: true }, req?: RequestOptions) =>
  core(options).request<Stream<Chunk>>(streamOp(), {}, params, req);

const event = (data: unknown, name?: string) => `${name ? `event: ${name}\n` : ""}data: ${JSON.stringify(data)}\n\n`;

/**
 * Starts an event stream: writes `first` at once, then `next(i)` every `ms` until `next` gives
 * undefined (the body ends) or the client goes away. Resolves `closed` when the connection closes
 * before the server ended the body: the client hung up.
 */
function streaming(first: string, next?: (i: number) => string | undefined, ms = 5) {
  let hungUp!: () => void;
  const closed = new Promise<void>((r) => (hungUp = r));
  const handler = (_q: unknown, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(first);
    let i = 0;
    const timer = next
      ? setInterval(() => {
          const more = next(i++);
          if (more === undefined) {
            clearInterval(timer);
            res.end();
          } else res.write(more);
        }, ms)
      : undefined;
    res.on("close", () => {
      clearInterval(timer);
      if (!res.writableEnded) hungUp();
    });
  };
  return { handler, closed };
}

/** Settles with "closed" if the server saw the client hang up within `ms`. */
const within = (p: Promise<void>, ms = 1000) => Promise.race([p.then(() => "closed"), sleep(ms).then(() => "open")]);

async function collect<T>(s: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of s) out.push(x);
  return out;
}

describe("Stream from sseResponse", () => {
  it("yields each event's data parsed, in order, until the body ends", async () => {
    server.handler = streaming(event({ n: 0 }) + ": keep-alive\n\n", (i) =>
      i < 3 ? event({ n: i + 1 }) : undefined,
    ).handler;
    const stream = await request();
    expect(stream).toBeInstanceOf(Stream);
    expect(await collect(stream)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]);
    expect(server.requests[0]!.headers.accept).toBe("text/event-stream");
    expect(JSON.parse(server.requests[0]!.text)).toEqual({ stream: true });
  });

  it("keeps event names and ids on events()", async () => {
    server.handler = (_q, res) =>
      reply(res, 200, `event: add\nid: 1\ndata: {"n":1}\n\ndata: {"n":2}\n\n`, { "content-type": "text/event-stream" });
    const events = await collect((await request()).events());
    expect(events).toEqual([
      { event: "add", id: "1", retry: undefined, data: { n: 1 } },
      { event: "message", id: "1", retry: undefined, data: { n: 2 } },
    ]);
  });

  it("ends at data: [DONE] and closes the connection though the server keeps it open", async () => {
    const s = streaming(event({ n: 1 }) + "data: [DONE]\n\n" + event({ n: 2 }), () => ": still here\n\n", 20);
    server.handler = s.handler;
    expect(await collect(await request())).toEqual([{ n: 1 }]);
    expect(await within(s.closed)).toBe("closed");
  });

  it.each<[string, (s: Stream<Chunk>) => Promise<unknown>]>([
    [
      "break",
      async (s) => {
        for await (const c of s) if (c.n === 1) break;
      },
    ],
    [
      "return",
      async (s) => {
        for await (const c of s) if (c.n === 1) return c;
      },
    ],
    [
      "an exception in the loop body",
      async (s) => {
        await expect(async () => {
          for await (const c of s) if (c.n === 1) throw new Error("caller failed");
        }).rejects.toThrow("caller failed");
      },
    ],
    ["controller.abort() before reading", async (s) => s.controller.abort()],
    [
      "controller.abort() while reading: the loop ends quietly",
      async (s) => {
        const seen: number[] = [];
        for await (const c of s) {
          seen.push(c.n);
          if (c.n === 1) setTimeout(() => s.controller.abort(), 1);
        }
        expect(seen.length).toBeLessThan(50);
      },
    ],
  ])("%s closes the connection at once", async (_name, leave) => {
    const s = streaming(event({ n: 0 }), (i) => event({ n: i + 1 }));
    server.handler = s.handler;
    await leave(await request());
    expect(await within(s.closed)).toBe("closed");
  });

  it("the request's signal, aborted after the headers, ends the loop and closes the connection", async () => {
    const s = streaming(event({ n: 0 }), (i) => event({ n: i + 1 }));
    server.handler = s.handler;
    const ctl = new AbortController();
    const stream = await request({}, { stream: true }, { signal: ctl.signal });
    let count = 0;
    for await (const _ of stream) if (++count === 3) ctl.abort();
    expect(count).toBeLessThan(50);
    expect(await within(s.closed)).toBe("closed");
  });

  it.each<[string, string, RegExp]>([
    ["an `event: error`", event({ error: { message: "overloaded" } }, "error"), /^overloaded$/],
    ["an error event with a bare message", event({ type: "error", message: "bad thing" }, "error"), /^bad thing$/],
    [
      "data holding `error`",
      event({ error: { message: "The server had an error", type: "server_error" } }),
      /^The server had an error$/,
    ],
  ])("%s mid-stream throws an APIError with the server's message, and closes", async (_name, bad, message) => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const s = streaming(event({ n: 0 }) + event({ n: 1 }) + bad, () => event({ n: 9 }));
      server.handler = s.handler;
      const seen: number[] = [];
      const err = await failure(
        (async () => {
          for await (const c of await request()) seen.push(c.n);
        })(),
      );
      expect(err).toBeInstanceOf(APIError);
      expect(err.message).toMatch(message);
      expect(err.body).toBeTypeOf("object");
      expect(seen).toEqual([0, 1]);
      expect(await within(s.closed)).toBe("closed");
      await sleep(20);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("data that is not JSON is an APIError quoting it", async () => {
    server.handler = (_q, res) => reply(res, 200, "data: hello there\n\n", { "content-type": "text/event-stream" });
    const err = await failure(collect(await request()));
    expect(err).toBeInstanceOf(APIError);
    expect(err.message).toBe("Event data is not JSON: hello there");
  });

  it("an error status before the stream is the usual APIError", async () => {
    server.handler = (_q, res) => reply(res, 400, { error: { message: "stream must be boolean" } });
    const err = await failure(request());
    expect(err.status).toBe(400);
    expect(err.message).toContain("stream must be boolean");
  });

  it("a JSON 200 where events were asked for is an UnexpectedResponseError", async () => {
    server.handler = (_q, res) => reply(res, 200, { id: "x" });
    const err = await failure(request());
    expect(err).toBeInstanceOf(UnexpectedResponseError);
    expect(err.message).toContain("200 response is not JSON");
  });

  it("is read once", async () => {
    server.handler = (_q, res) => reply(res, 200, event({ n: 1 }), { "content-type": "text/event-stream" });
    const stream = await request();
    await collect(stream);
    await expect(collect(stream)).rejects.toThrow(SDKError);
    await expect(collect(stream)).rejects.toThrow(/already been read/);
  });
});

describe("Stream timeouts and retries", () => {
  it("retries before the headers: a 503 then the stream", async () => {
    server.handler = (q, res, n) =>
      n === 1
        ? reply(res, 503, { message: "busy" }, { "retry-after-ms": "1" })
        : reply(res, 200, event({ n }), { "content-type": "text/event-stream" });
    expect(await collect(await request({ maxRetries: 2 }))).toEqual([{ n: 2 }]);
    expect(server.requests).toHaveLength(2);
  });

  it("the timeout covers reaching the headers, retried", async () => {
    server.handler = () => {}; // never answers
    const err = await failure(request({ timeout: 150, maxRetries: 1 }));
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it("after the headers, a gap longer than the timeout ends the stream with APIConnectionTimeoutError, never retried", async () => {
    const s = streaming(event({ n: 0 }) + event({ n: 1 }));
    server.handler = s.handler;
    const seen: number[] = [];
    const t0 = Date.now();
    const err = await failure(
      (async () => {
        for await (const c of await request({ timeout: 200, maxRetries: 2 })) seen.push(c.n);
      })(),
    );
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(err.message).toMatch(/No data received for 200ms/);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(seen).toEqual([0, 1]);
    expect(server.requests).toHaveLength(1);
    expect(await within(s.closed)).toBe("closed");
  });

  it("a stream longer than the timeout is fine while bytes keep coming", async () => {
    server.handler = streaming(event({ n: 0 }), (i) => (i < 12 ? event({ n: i + 1 }) : undefined), 50).handler;
    expect(await collect(await request({ timeout: 200 }))).toHaveLength(13);
  });

  it("a slow reader is not timed out: the clock runs only while waiting for bytes", async () => {
    server.handler = (_q, res) =>
      reply(res, 200, event({ n: 1 }) + event({ n: 2 }), { "content-type": "text/event-stream" });
    const seen: number[] = [];
    for await (const c of await request({ timeout: 100 })) {
      seen.push(c.n);
      await sleep(250);
    }
    expect(seen).toEqual([1, 2]);
  });
});

describe("Stream as a web ReadableStream", () => {
  it("toReadableStream gives newline-delimited JSON, and fromReadableStream reads it back", async () => {
    server.handler = (_q, res) =>
      reply(res, 200, event({ n: 1 }) + event({ n: 2, s: "é\n" }), { "content-type": "text/event-stream" });
    const readable = (await request()).toReadableStream();
    expect(readable).toBeInstanceOf(ReadableStream);
    const text = await new Response(readable).text();
    expect(text).toBe('{"n":1}\n{"n":2,"s":"é\\n"}\n');
    const back = Stream.fromReadableStream<Chunk>(new Response(text).body!);
    expect(await collect(back)).toEqual([{ n: 1 }, { n: 2, s: "é\n" }]);
  });

  it("fromReadableStream reads lines split across chunks", async () => {
    const parts = ['{"n"', ":1}\n{", '"n":2}', "\n"];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(new TextEncoder().encode(p));
        c.close();
      },
    });
    expect(await collect(Stream.fromReadableStream(body))).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("cancelling the ReadableStream closes the connection", async () => {
    const s = streaming(event({ n: 0 }), (i) => event({ n: i + 1 }));
    server.handler = s.handler;
    const reader = (await request()).toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(await within(s.closed)).toBe("closed");
  });
});

describe("sseOrJSONResponse: the request's stream field decides", () => {
  const dual = streamOp({ response: sseOrJSONResponse });

  it("stream: true gives a Stream", async () => {
    server.handler = (_q, res) => reply(res, 200, event({ n: 1 }), { "content-type": "text/event-stream" });
    const s = await core().request<Stream<Chunk>>(dual, {}, { stream: true });
    expect(await collect(s)).toEqual([{ n: 1 }]);
    expect(server.requests[0]!.headers.accept).toBe("application/json, text/event-stream");
  });

  it.each([[{ stream: false }], [{}]])("%j gives the JSON", async (params) => {
    server.handler = (_q, res) => reply(res, 200, { id: "cmpl" });
    expect(await core().request(dual, {}, params)).toEqual({ id: "cmpl" });
  });

  it("streamParam names another field (clientgen.yaml's streaming.param): it decides, `stream` no longer does", async () => {
    const live = streamOp({ response: sseOrJSONResponse, streamParam: "live" });
    server.handler = (_q, res) => reply(res, 200, event({ n: 1 }), { "content-type": "text/event-stream" });
    expect(await collect(await core().request<Stream<Chunk>>(live, {}, { live: true }))).toEqual([{ n: 1 }]);
    server.handler = (_q, res) => reply(res, 200, { id: "cmpl" });
    expect(await core().request(live, {}, { stream: true })).toEqual({ id: "cmpl" });
  });

  it("framedEvents (an event schema of named events, OpenAI's Assistants): yields { event, data }, ends at [DONE], fails on an error event", async () => {
    const assistants = streamOp({ response: sseOrJSONResponse, framedEvents: true });
    const run = { id: "run_1", status: "queued" };
    server.handler = (_q, res) =>
      reply(
        res,
        200,
        event(run, "thread.run.created") +
          event({ id: "msg_1" }, "thread.message.delta") +
          "event: done\ndata: [DONE]\n\n",
        { "content-type": "text/event-stream" },
      );
    const s = await core().request<Stream<unknown>>(assistants, {}, { stream: true });
    expect(await collect(s)).toEqual([
      { event: "thread.run.created", data: run },
      { event: "thread.message.delta", data: { id: "msg_1" } },
    ]);
    // Without the flag the same stream gives the data alone, as for every other event schema.
    expect(await collect(await core().request<Stream<unknown>>(dual, {}, { stream: true }))).toEqual([
      run,
      { id: "msg_1" },
    ]);
    server.handler = (_q, res) =>
      reply(res, 200, event({ code: "server_error", message: "Sorry" }, "error"), {
        "content-type": "text/event-stream",
      });
    const err = await failure(collect(await core().request<Stream<unknown>>(assistants, {}, { stream: true })));
    expect(err).toBeInstanceOf(APIError);
    expect(err.message).toBe("Sorry");
  });

  it("withResponse gives the Stream and the Response, without a tee that would hold the body", async () => {
    const s = streaming(event({ n: 0 }), (i) => event({ n: i + 1 }));
    server.handler = s.handler;
    const { data, response } = await core().request<Stream<Chunk>>(dual, {}, { stream: true }).withResponse();
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    for await (const c of data) if (c.n === 2) break;
    expect(await within(s.closed)).toBe("closed");
  });
});
