/**
 * The client generated from OpenAI's official spec (test/fixtures/openai/: the slice scripts/subset-spec.ts
 * cut from it, with the issue's clientgen.yaml) beside openai-node, the official SDK: each call is
 * written once and made through both clients at the same time against one 127.0.0.1 server, which
 * tells them apart by user-agent. Both must put the same request on the wire (method, path, query,
 * the headers that carry meaning, the body: JSON parsed, multipart parts with their filenames and
 * types) and give back the same values.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import OpenAINode, { APIError as NodeAPIError, toFile as nodeToFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import { startHttpServer, type HttpServer, type ReceivedRequest } from "../helpers/http-server.js";
import { tscErrors } from "../helpers/tsc.js";

/** The calls below as a user writes them, type-checked under --strict: each stream's events are typed. */
const CHECKS = `import OpenAI, { toFile, type Stream, type CreateChatCompletionStreamResponse, type CreateChatCompletionResponse, type CreateCompletionResponse } from "./index.js";
import { CompletionsApi } from "./builder.js";

const client = new OpenAI();
const messages = [{ role: "user" as const, content: "Say hello" }];

export async function checks() {
  const chunks: Stream<CreateChatCompletionStreamResponse> = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
  const completion: CreateChatCompletionResponse = await client.chat.completions.create({ model: "gpt-4o", messages });
  // createCompletion streams by clientgen.yaml's \`streaming\` (the spec declares only JSON), typed like the others.
  const text: Stream<CreateCompletionResponse> = await client.completions.create({ model: "m", prompt: "Hi", stream: true });
  const whole: CreateCompletionResponse = await client.completions.create({ model: "m", prompt: "Hi" });
  // @ts-expect-error a stream is not a completion
  const wrong: CreateCompletionResponse = await client.completions.create({ model: "m", prompt: "Hi", stream: true });
  const built: Stream<CreateCompletionResponse> = await new CompletionsApi().createCompletion().createCompletionRequest({ model: "m", prompt: "Hi", stream: true }).execute();
  // @ts-expect-error nor is the builder's
  const wrong2: CreateCompletionResponse = await new CompletionsApi().createCompletion().createCompletionRequest({ model: "m", prompt: "Hi", stream: true }).execute();
  for await (const e of await client.responses.create({ model: "gpt-4o", input: "Say hi", stream: true })) {
    if (e.type === "response.output_text.delta") e.delta.toUpperCase();
    // @ts-expect-error only some events carry a delta
    e.delta;
  }
  const speech: Response = await client.audio.speech.create({ model: "gpt-4o-mini-tts", input: "Hi", voice: "alloy" });
  const file = await toFile(new Uint8Array([1]), "hello.wav");
  const transcript: string = (await client.audio.transcriptions.create({ file, model: "whisper-1" })).text;
  const event = await client.webhooks.unwrap("{}", new Headers());
  if (event.type === "response.completed") event.data.id.toUpperCase();
  return [chunks, completion, text, whole, wrong, built, wrong2, speech, transcript];
}
`;

type Who = "theirs" | "ours";
type Answer = (req: ReceivedRequest, res: ServerResponse) => void;

/** Headers that differ by design between two SDKs and say nothing about the API call. */
const IGNORED =
  /^(user-agent|x-stainless-.*|host|connection|accept-encoding|accept-language|sec-fetch-mode|content-length|transfer-encoding)$/;

let dir: string;
let server: HttpServer;
// The generated package is only known at run time; its types are checked in test/builder and by hand.
let ours: any;
let oursLib: Lib;
let theirs: OpenAINode;
const log: Record<Who, ReceivedRequest[]> = { theirs: [], ours: [] };
const arrived = new WeakMap<ReceivedRequest, number>();
/** Replies given ahead of the default route, per client, in order. */
const script: Record<Who, Answer[]> = { theirs: [], ours: [] };
/** Whether each client's last event stream was closed by the client before the server finished it. */
const closedEarly: Record<Who, boolean | undefined> = { theirs: undefined, ours: undefined };

const json = (res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const MODELS = {
  object: "list",
  data: [
    { id: "gpt-4o", object: "model", created: 1715367049, owned_by: "system" },
    { id: "whisper-1", object: "model", created: 1677532384, owned_by: "openai-internal" },
  ],
};
const COMPLETION = {
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1730000000,
  model: "gpt-4o",
  choices: [{ index: 0, message: { role: "assistant", content: "Hello!", refusal: null }, finish_reason: "stop" }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
};
const chunk = (i: number, content: string) => ({
  id: "chatcmpl-1",
  object: "chat.completion.chunk",
  created: 1730000000,
  model: "gpt-4o",
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
  n: i,
});
const CHUNKS = [chunk(0, "Hel"), chunk(1, "lo"), chunk(2, "!")];
const textChunk = (text: string, finish: string | null) => ({
  id: "cmpl-1",
  object: "text_completion",
  created: 1730000000,
  model: "gpt-3.5-turbo-instruct",
  choices: [{ index: 0, text, logprobs: null, finish_reason: finish }],
});
const TEXT_CHUNKS = [textChunk("Hi", null), textChunk(" there", "stop")];
const RESPONSE = { id: "resp_1", object: "response", created_at: 1730000000, status: "completed", model: "gpt-4o" };
const RESPONSE_EVENTS: Array<{ type: string; [key: string]: unknown }> = [
  { type: "response.created", sequence_number: 0, response: { ...RESPONSE, status: "in_progress" } },
  {
    type: "response.output_text.delta",
    sequence_number: 1,
    item_id: "msg_1",
    output_index: 0,
    content_index: 0,
    delta: "Hi",
  },
  {
    type: "response.output_text.delta",
    sequence_number: 2,
    item_id: "msg_1",
    output_index: 0,
    content_index: 0,
    delta: "!",
  },
  { type: "response.completed", sequence_number: 3, response: RESPONSE },
];
const EMBEDDINGS = {
  object: "list",
  data: [{ object: "embedding", index: 0, embedding: [0.25, -0.5, 0.125] }],
  model: "text-embedding-3-small",
  usage: { prompt_tokens: 2, total_tokens: 2 },
};
const FILE = {
  id: "file-1",
  object: "file",
  bytes: 42,
  created_at: 1730000000,
  filename: "train.jsonl",
  purpose: "fine-tune",
};
/** Every byte value, twice: not UTF-8, so any decoding as text would show. */
const AUDIO = Buffer.from([...Array(512).keys()].map((i) => i % 256));
const IMAGES = { created: 1730000000, data: [{ b64_json: "iVBORw0KGgo=", revised_prompt: "a red fox" }] };
const SERVER_ERROR = { message: "The server had an error while processing your request.", type: "server_error" };

/** An event stream: each event as `data:` (with `event:` when named), then `[DONE]` unless told. */
function sse(res: ServerResponse, events: Array<{ event?: string; data: unknown }>, done = true): void {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const e of events) res.write(`${e.event ? `event: ${e.event}\n` : ""}data: ${JSON.stringify(e.data)}\n\n`);
  if (done) res.write("data: [DONE]\n\n");
  res.end();
}

/** A long stream written slowly; records whether the client hung up before its end. */
function longStream(who: Who, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream" });
  let i = 0;
  const timer = setInterval(() => {
    if (i === 100) return res.end("data: [DONE]\n\n");
    res.write(`data: ${JSON.stringify(chunk(i++, "x"))}\n\n`);
  }, 10);
  res.on("close", () => {
    clearInterval(timer);
    closedEarly[who] = !res.writableFinished;
  });
}

function route(req: ReceivedRequest, res: ServerResponse, who: Who): void {
  const body = req.headers["content-type"]?.includes("json") ? (JSON.parse(req.text) as Record<string, unknown>) : {};
  switch (`${req.method} ${req.path}`) {
    case "GET /models":
      return json(res, MODELS);
    case "POST /chat/completions":
      if (body.model === "long") return longStream(who, res);
      if (body.model === "failing") return sse(res, [{ data: CHUNKS[0] }, { data: { error: SERVER_ERROR } }], false);
      return body.stream
        ? sse(
            res,
            CHUNKS.map((data) => ({ data })),
          )
        : json(res, COMPLETION);
    case "POST /completions":
      return body.stream
        ? sse(
            res,
            TEXT_CHUNKS.map((data) => ({ data })),
          )
        : json(res, textChunk("Hi there", "stop"));
    case "POST /responses":
      return sse(
        res,
        RESPONSE_EVENTS.map((data) => ({ event: data.type, data })),
      );
    case "POST /embeddings":
      return json(res, EMBEDDINGS);
    case "POST /files":
      return json(res, FILE);
    case "POST /audio/speech":
      res.writeHead(200, { "content-type": "audio/mpeg" });
      return void res.end(AUDIO);
    case "POST /audio/transcriptions":
      return json(res, { text: "Hello there." });
    case "POST /images/generations":
      return json(res, IMAGES);
  }
  json(res, { error: { message: `no route for ${req.method} ${req.path}` } }, 404);
}

/** What a request says, as a server reads it: the ignored headers left out, the body parsed by its type. */
async function wire(req: ReceivedRequest) {
  const headers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req.headers)) if (!IGNORED.test(k)) headers[k] = v;
  const type = String(req.headers["content-type"] ?? "");
  let body: unknown = req.body.length ? req.body.toString("base64") : undefined;
  if (type.startsWith("multipart/form-data")) {
    // Each client picks its own boundary.
    headers["content-type"] = type.replace(/boundary=.*/, "boundary=…");
    const form = await new Response(new Uint8Array(req.body), { headers: { "content-type": type } }).formData();
    const parts: unknown[] = [];
    for (const [name, v] of form)
      parts.push(typeof v === "string" ? { name, v } : { name, filename: v.name, type: v.type, text: await v.text() });
    body = parts;
  } else if (type.includes("json")) body = JSON.parse(req.text);
  return { method: req.method, path: req.path, query: [...req.query].sort(), headers, body };
}

/**
 * Our request with the one difference accepted on purpose undone: `Accept` is what the spec declares for
 * the operation's success responses (JSON or an event stream, for the operations that stream on request),
 * where openai-node always sends `application/json`.
 */
function withoutAcceptedDifferences(sent: Awaited<ReturnType<typeof wire>>) {
  if (sent.headers.accept !== "application/json, text/event-stream") return sent;
  return { ...sent, headers: { ...sent.headers, accept: "application/json" } };
}

type Client = any;
/** What each package exports besides its client. */
interface Lib {
  toFile: (data: unknown, name: string, options?: { type?: string }) => Promise<unknown>;
  APIError: abstract new (...args: any[]) => Error;
}
const theirsLib: Lib = { toFile: nodeToFile as Lib["toFile"], APIError: NodeAPIError };

/**
 * Makes `call` through both clients at once; resolves to each one's result and the requests each sent,
 * after asserting those requests are the same.
 */
async function both<R>(call: (client: Client, lib: Lib) => Promise<R>) {
  const from = { theirs: log.theirs.length, ours: log.ours.length };
  const [theirsResult, oursResult] = await Promise.all([call(theirs, theirsLib), call(ours, oursLib)]);
  const sent = {
    theirs: await Promise.all(log.theirs.slice(from.theirs).map(wire)),
    ours: await Promise.all(log.ours.slice(from.ours).map(wire)),
  };
  expect(sent.ours.map(withoutAcceptedDifferences)).toEqual(sent.theirs);
  expect(sent.ours.length).toBeGreaterThan(0);
  return { theirs: theirsResult, ours: oursResult, sent: sent.ours };
}

const collect = async (stream: AsyncIterable<unknown>) => {
  const out: unknown[] = [];
  for await (const x of stream) out.push(x);
  return out;
};
/** An error as both SDKs expose it: class name aside, the fields a caller reads. */
/**
 * An error as a caller reads it. The server's `error` member is `.error` in openai-node and inside the
 * whole body, `.body`, in ours (the runtime's APIError keeps any API's error body whole).
 */
const failure = (e: any, { APIError }: Lib) => ({
  isAPIError: e instanceof APIError,
  message: e.message,
  status: e.status,
  error: e.error ?? e.body?.error,
});
const messages = [{ role: "user", content: "Say hello" }];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  dir = await generateIntoTemp(fixture("openai", "openapi.yaml"), "openai-parity");
  await writeFile(join(dir, "src", "checks.ts"), CHECKS);
  server = await startHttpServer((req, res) => {
    const who: Who = String(req.headers["user-agent"]).startsWith("OpenAI/JS") ? "theirs" : "ours";
    log[who].push(req);
    arrived.set(req, Date.now());
    const scripted = script[who].shift();
    if (scripted) scripted(req, res);
    else route(req, res, who);
  });
  const flat = await import(join(dir, "src", "index.ts"));
  // Quiet: the retry's warning would only clutter the test output.
  ours = new flat.default({ apiKey: "sk-test", baseURL: server.url, maxRetries: 2, logLevel: "error" });
  oursLib = { toFile: flat.toFile, APIError: flat.APIError };
  theirs = new OpenAINode({ apiKey: "sk-test", baseURL: server.url, maxRetries: 2 });
}, 60_000);

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the client generated from OpenAI's spec behaves as openai-node", () => {
  it("the package and the calls below, with typed stream events, type-check under --strict", async () => {
    expect(await tscErrors("--noEmit", "-p", dir)).toBe("");
  }, 30_000);

  it("models.list(): GET /models, the same list", async () => {
    const r = await both(async (c) => (await c.models.list()).data);
    expect(r.sent).toEqual([expect.objectContaining({ method: "GET", path: "/models", body: undefined })]);
    expect(r.sent[0]!.headers).toEqual({ accept: "application/json", authorization: "Bearer sk-test" });
    expect(r.ours).toEqual(MODELS.data);
    expect(r.ours).toEqual(r.theirs);
  });

  it("chat.completions.create(): the JSON completion", async () => {
    const r = await both((c) => c.chat.completions.create({ model: "gpt-4o", messages }));
    expect(r.sent[0]!.body).toEqual({ model: "gpt-4o", messages });
    expect(r.ours).toEqual(COMPLETION);
    expect(r.ours).toEqual(r.theirs);
  });

  it("chat.completions.create({ stream: true }): the chunks, up to [DONE]", async () => {
    const r = await both(async (c) =>
      collect(await c.chat.completions.create({ model: "gpt-4o", messages, stream: true })),
    );
    expect(r.sent[0]!.body).toEqual({ model: "gpt-4o", messages, stream: true });
    expect(log.ours.at(-1)!.headers.accept).toBe("application/json, text/event-stream");
    expect(r.ours).toEqual(CHUNKS);
    expect(r.ours).toEqual(r.theirs);
  });

  it("completions.create({ stream: true }), streamed by clientgen.yaml's `streaming` (the spec declares only JSON): the same chunks", async () => {
    const r = await both(async (c) =>
      collect(await c.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "Say hi", stream: true })),
    );
    expect(r.sent[0]).toMatchObject({ method: "POST", path: "/completions" });
    expect(r.sent[0]!.body).toEqual({ model: "gpt-3.5-turbo-instruct", prompt: "Say hi", stream: true });
    expect(log.ours.at(-1)!.headers.accept).toBe("application/json, text/event-stream");
    expect(r.ours).toEqual(TEXT_CHUNKS);
    expect(r.ours).toEqual(r.theirs);
  });

  it("a `break` after two chunks closes the connection", async () => {
    const r = await both(async (c) => {
      const got: unknown[] = [];
      for await (const x of await c.chat.completions.create({ model: "long", messages, stream: true })) {
        got.push(x);
        if (got.length === 2) break;
      }
      return got;
    });
    expect(r.ours).toEqual([chunk(0, "x"), chunk(1, "x")]);
    expect(r.ours).toEqual(r.theirs);
    await expect.poll(() => closedEarly, { timeout: 2000 }).toEqual({ theirs: true, ours: true });
  });

  it("responses.create({ stream: true }): the typed events, named by `event:` and `type`", async () => {
    const r = await both(async (c) =>
      collect(await c.responses.create({ model: "gpt-4o", input: "Say hi", stream: true })),
    );
    expect(r.sent[0]!.body).toEqual({ model: "gpt-4o", input: "Say hi", stream: true });
    expect(r.ours).toEqual(RESPONSE_EVENTS);
    expect(r.ours).toEqual(r.theirs);
  });

  it("embeddings.create(): the vectors", async () => {
    // encoding_format given: left out, openai-node asks for base64 and decodes it itself (not in the spec).
    const r = await both((c) =>
      c.embeddings.create({ model: "text-embedding-3-small", input: "hello", encoding_format: "float" }),
    );
    expect(r.ours).toEqual(EMBEDDINGS);
    expect(r.ours).toEqual(r.theirs);
  });

  it("files.create({ file, purpose }): a multipart file part with its name and type", async () => {
    const r = await both((c) =>
      c.files.create({
        file: new File(['{"prompt":"a"}\n'], "train.jsonl", { type: "application/jsonl" }),
        purpose: "fine-tune",
      }),
    );
    expect(r.sent[0]!.body).toEqual([
      { name: "file", filename: "train.jsonl", type: "application/jsonl", text: '{"prompt":"a"}\n' },
      { name: "purpose", v: "fine-tune" },
    ]);
    expect(r.ours).toEqual(FILE);
    expect(r.ours).toEqual(r.theirs);
  });

  it("audio.speech.create(): a Response whose bytes are the served bytes", async () => {
    const r = await both(async (c) => {
      const response = await c.audio.speech.create({ model: "gpt-4o-mini-tts", input: "Hi", voice: "alloy" });
      expect(response).toBeInstanceOf(Response);
      expect(response.headers.get("content-type")).toBe("audio/mpeg");
      return Buffer.from(await response.arrayBuffer());
    });
    expect(r.ours.equals(AUDIO)).toBe(true);
    expect(r.ours).toEqual(r.theirs);
  });

  it("audio.transcriptions.create({ file, model }): toFile(...) as a part, the text back", async () => {
    const r = await both(async (c, { toFile }) =>
      c.audio.transcriptions.create({
        file: await toFile(Buffer.from("RIFF"), "hello.wav", { type: "audio/wav" }),
        model: "whisper-1",
      }),
    );
    expect(r.sent[0]!.body).toEqual([
      { name: "file", filename: "hello.wav", type: "audio/wav", text: "RIFF" },
      { name: "model", v: "whisper-1" },
    ]);
    expect(r.ours).toEqual({ text: "Hello there." });
    expect(r.ours).toEqual(r.theirs);
  });

  it("images.generate(): the images", async () => {
    const r = await both((c) => c.images.generate({ model: "gpt-image-1", prompt: "a red fox" }));
    expect(r.sent[0]).toMatchObject({
      path: "/images/generations",
      body: { model: "gpt-image-1", prompt: "a red fox" },
    });
    expect(r.ours).toEqual(IMAGES);
    expect(r.ours).toEqual(r.theirs);
  });

  it("a 429 with retry-after: 1, then 200: one retry a second later, the 200's value", async () => {
    for (const who of ["theirs", "ours"] as const)
      script[who].push((_req, res) =>
        json(res, { error: { message: "Rate limit reached", type: "requests" } }, 429, { "retry-after": "1" }),
      );
    const r = await both(async (c) => (await c.models.list()).data);
    expect(r.sent.map((s) => s.path)).toEqual(["/models", "/models"]);
    expect(r.ours).toEqual(MODELS.data);
    expect(r.ours).toEqual(r.theirs);
    for (const who of ["theirs", "ours"] as const) {
      const [first, retry] = log[who].slice(-2).map((req) => arrived.get(req)!);
      expect(retry! - first!).toBeGreaterThanOrEqual(950);
    }
  });

  it("webhooks.unwrap(): the same verdicts as openai-node's, valid, tampered and stale, and the same event", async () => {
    const key = randomBytes(32);
    const secret = `whsec_${key.toString("base64")}`;
    const event = {
      id: "evt_1",
      object: "event",
      type: "response.completed",
      created_at: 1730000000,
      data: { id: "resp_1" },
    };
    const body = JSON.stringify(event);
    const signed = (at: number, payload = body) => ({
      "webhook-id": "msg_1",
      "webhook-timestamp": String(at),
      "webhook-signature": `v1,${createHmac("sha256", key).update(`msg_1.${at}.${payload}`).digest("base64")}`,
    });
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, string, Record<string, string>]> = [
      ["valid", body, signed(now)],
      ["tampered", body.replace("resp_1", "resp_2"), signed(now)],
      ["stale", body, signed(now - 6 * 60)],
    ];
    const verdict = async (unwrap: () => unknown) => {
      try {
        return { event: await unwrap() };
      } catch (e) {
        return { rejected: (e as Error).name };
      }
    };
    for (const [what, payload, headers] of cases) {
      const mine = await verdict(() => ours.webhooks.unwrap(payload, headers, secret));
      const theirsVerdict = await verdict(() => theirs.webhooks.unwrap(payload, headers, secret));
      expect("event" in mine, what).toBe("event" in theirsVerdict);
      if ("event" in mine) expect(mine.event, what).toEqual(theirsVerdict.event);
      else expect(mine.rejected, what).toBe("InvalidWebhookSignatureError");
    }
    expect(await verdict(() => ours.webhooks.unwrap(body, signed(now), secret))).toEqual({ event });
  });

  it("an error mid-stream: an APIError with the server's message after the first chunk, no unhandled rejection", async () => {
    const r = await both(async (c, lib) => {
      const got: unknown[] = [];
      try {
        for await (const x of await c.chat.completions.create({ model: "failing", messages, stream: true }))
          got.push(x);
        return { got };
      } catch (e) {
        return { got, error: failure(e, lib) };
      }
    });
    expect(r.ours).toEqual({
      got: [CHUNKS[0]],
      error: { isAPIError: true, message: SERVER_ERROR.message, status: undefined, error: SERVER_ERROR },
    });
    expect(r.ours).toEqual(r.theirs);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
