/**
 * Operations answering `text/event-stream`, generated from test/fixtures/specs/streaming.yaml (modelled
 * on OpenAI's chat completions: JSON or an event stream chosen by the body's `stream` field, plus
 * stream-only operations with and without a schema). The package is type-checked with `@ts-expect-error`
 * lines under `--strict` and called against a 127.0.0.1 server in the flat and builder styles.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { useFixturePackage } from "../helpers/fixture-package.js";
import type { ReceivedRequest } from "../helpers/http-server.js";

const CHECKS = `import Streaming, { type Stream, type CompletionChunk, type Completion, type EventModel } from "./index.js";
import { ChatApi, EventsApi } from "./builder.js";
import { createChatCompletion } from "./operations/index.js";

const client = new Streaming();
const messages = [{ role: "user", content: "hi" }];

export async function checks(flag: boolean) {
  const chunks: Stream<CompletionChunk> = await client.chat.completions.create({ model: "m", messages, stream: true });
  const done: Completion = await client.chat.completions.create({ model: "m", messages });
  const off: Completion = await client.chat.completions.create({ model: "m", messages, stream: false });
  const either: Completion | Stream<CompletionChunk> = await client.chat.completions.create({ model: "m", messages, stream: flag });
  // @ts-expect-error a stream is not a completion
  const wrong: Completion = await client.chat.completions.create({ model: "m", messages, stream: true });
  // @ts-expect-error nor is a completion a stream
  const wrong2: Stream<CompletionChunk> = await client.chat.completions.create({ model: "m", messages });
  const fn: Stream<CompletionChunk> = await createChatCompletion(client, { model: "m", messages, stream: true });
  const chat = new ChatApi().createChatCompletion();
  const built: Stream<CompletionChunk> = await chat.completionRequest({ model: "m", messages, stream: true }).execute();
  const builtWhole: Completion = await chat.completionRequest({ model: "m", messages }).execute();
  const raw: Completion = (await chat.completionRequest({ model: "m", messages, stream: false }).executeRaw()).data;
  const builtEither: Completion | Stream<CompletionChunk> = await chat.completionRequest({ model: "m", messages, stream: flag }).execute();
  // @ts-expect-error a builder's stream is not a completion either (one type per call, not a union)
  const wrong3: Completion = await chat.completionRequest({ model: "m", messages, stream: true }).withOptions({}).execute();
  // @ts-expect-error nor its completion a stream
  const wrong4: Stream<CompletionChunk> = await chat.completionRequest({ model: "m", messages }).execute();
  const events: Stream<EventModel> = await new EventsApi().tailEvents().topic("t").execute();
  for await (const e of events) e.type.toUpperCase();
  const logs = await client.logs.list();
  for await (const l of logs) {
    // @ts-expect-error without a schema an event is unknown
    l.anything;
  }
  return [chunks, done, off, either, wrong, wrong2, fn, built, builtWhole, raw, builtEither, wrong3, wrong4];
}
`;

const sse = (res: ServerResponse, events: unknown[], done = true) => {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const e of events) res.write(`data: ${JSON.stringify(e)}\n\n`);
  if (done) res.write("data: [DONE]\n\n");
  res.end();
};

function answer(req: ReceivedRequest, res: ServerResponse): void {
  if (req.path === "/chat/completions") {
    const body = JSON.parse(req.text) as { stream?: boolean };
    if (body.stream)
      return sse(res, [
        { id: "c1", delta: "Hel" },
        { id: "c1", delta: "lo" },
      ]);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: "c1", content: "Hello" }));
    return;
  }
  if (req.path === "/events")
    return sse(
      res,
      [
        { type: `${req.query.get("topic")}.a`, at: 1 },
        { type: "b", at: 2 },
      ],
      false,
    );
  sse(res, ["line one", { level: "info" }]);
}

const collect = async (iterable: AsyncIterable<unknown>) => {
  const out: unknown[] = [];
  for await (const x of iterable) out.push(x);
  return out;
};

const pkg = useFixturePackage("streaming.yaml", "streaming", answer, CHECKS);
const { options, last } = pkg;
const messages = [{ role: "user", content: "hi" }];

describe("server-sent events (generated from test/fixtures/specs/streaming.yaml)", () => {
  it("the package, with its overloads (flat and builder) and @ts-expect-error checks, type-checks under --strict", async () => {
    expect(await pkg.typeErrors()).toBe("");
  }, 60_000);

  it("flat: `stream: true` yields the chunks; without it, the JSON completion", async () => {
    const client = new pkg.flat.default(options());
    const stream = await client.chat.completions.create({ model: "m", messages, stream: true });
    expect(last().headers.accept).toBe("application/json, text/event-stream");
    expect(JSON.parse(last().text)).toEqual({ model: "m", messages, stream: true });
    expect(await collect(stream)).toEqual([
      { id: "c1", delta: "Hel" },
      { id: "c1", delta: "lo" },
    ]);
    expect(await client.chat.completions.create({ model: "m", messages })).toEqual({ id: "c1", content: "Hello" });
  });

  it("flat: a stream-only operation gives a Stream, ending with the body; no schema means unknown events", async () => {
    const client = new pkg.flat.default(options());
    const events = await client.events.list({ topic: "news" });
    expect(last().headers.accept).toBe("text/event-stream");
    expect(await collect(events)).toEqual([
      { type: "news.a", at: 1 },
      { type: "b", at: 2 },
    ]);
    expect(await collect(await client.logs.list())).toEqual(["line one", { level: "info" }]);
  });

  it("builder: `.execute()` resolves to the Stream, for stream-only and stream-on-request operations", async () => {
    const events = await new pkg.builder.EventsApi(options()).tailEvents().topic("t").execute();
    expect(await collect(events)).toEqual([
      { type: "t.a", at: 1 },
      { type: "b", at: 2 },
    ]);
    const chat = new pkg.builder.ChatApi(options());
    const chunks = await chat
      .createChatCompletion()
      .completionRequest({ model: "m", messages, stream: true })
      .execute();
    expect(await collect(chunks)).toHaveLength(2);
    const whole = await chat.createChatCompletion().completionRequest({ model: "m", messages }).execute();
    expect(whole).toEqual({ id: "c1", content: "Hello" });
  });
});
