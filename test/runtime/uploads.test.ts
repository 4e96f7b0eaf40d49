/** Uploads: toFile, Uploadable values in multipart bodies (in memory and streamed), and JSON-or-multipart. */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ClientCore,
  binaryBody,
  jsonOrMultipartBody,
  multipartBody,
  toFile,
  type BodyEncoder,
  type Uploadable,
} from "../../src/runtime/index.js";
import { isUploadable, typeOfName } from "../../src/runtime/uploads.js";
import type { Received } from "./helpers.js";
import { op, reply, spec, useTestServer } from "./helpers.js";

const server = useTestServer();
let dir: string;
let audioPath: string;
const AUDIO = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => i % 251));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "clientgen-uploads-"));
  audioPath = join(dir, "speech.mp3");
  await writeFile(audioPath, AUDIO);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const stream = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(new TextEncoder().encode(p));
      c.close();
    },
  });

const send = (encode: BodyEncoder, params: Record<string, unknown>, maxRetries = 0) =>
  new ClientCore(spec(), { baseURL: server.url, logLevel: "off", maxRetries }).request(
    op({ method: "post", path: "/upload", body: { mode: "fields", encode } }),
    {},
    params,
  );

/** The request's body as the FormData a server would read. */
const formOf = (r: Received) =>
  new Response(new Uint8Array(r.body), { headers: { "content-type": String(r.headers["content-type"]) } }).formData();

const bytesOf = async (f: FormDataEntryValue | null) => new Uint8Array(await (f as File).arrayBuffer());

describe("toFile", () => {
  it.each<[string, () => unknown, string | undefined, { name: string; type: string; text: string }]>([
    ["bytes, named", () => new TextEncoder().encode("hi"), "a.mp3", { name: "a.mp3", type: "audio/mpeg", text: "hi" }],
    [
      "an ArrayBuffer",
      () => new TextEncoder().encode("hi").buffer,
      "notes.TXT",
      { name: "notes.TXT", type: "text/plain", text: "hi" },
    ],
    [
      "a Blob keeps its type",
      () => new Blob(["{}"], { type: "application/json" }),
      "x.bin",
      { name: "x.bin", type: "application/json", text: "{}" },
    ],
    [
      "a File keeps its name",
      () => new File(["x"], "photo.png"),
      undefined,
      { name: "photo.png", type: "image/png", text: "x" },
    ],
    [
      "a ReadableStream",
      () => stream("he", "llo"),
      "data.jsonl",
      { name: "data.jsonl", type: "application/jsonl", text: "hello" },
    ],
    [
      "an async iterable",
      () =>
        (async function* () {
          yield "a";
          yield new TextEncoder().encode("b");
        })(),
      "t.csv",
      { name: "t.csv", type: "text/csv", text: "ab" },
    ],
    [
      "unnamed bytes",
      () => new Uint8Array([120]),
      undefined,
      { name: "file", type: "application/octet-stream", text: "x" },
    ],
    [
      "a promise of bytes",
      () => Promise.resolve(new Uint8Array([120])),
      "a.wav",
      { name: "a.wav", type: "audio/wav", text: "x" },
    ],
  ])("%s", async (_name, data, name, expected) => {
    const f = await toFile(data() as Uploadable, name);
    expect(f).toBeInstanceOf(File);
    expect({ name: f.name, type: f.type, text: await f.text() }).toEqual(expected);
  });

  it("a Node fs.ReadStream: read whole, named after its file", async () => {
    const f = await toFile(createReadStream(audioPath));
    expect([f.name, f.type]).toEqual(["speech.mp3", "audio/mpeg"]);
    expect(new Uint8Array(await f.arrayBuffer())).toEqual(AUDIO);
  });

  it("a Response, named after its URL; options.type wins", async () => {
    server.handler = (_q, res) => reply(res, 200, "img", { "content-type": "image/gif" });
    const f = await toFile(await fetch(`${server.url}/files/cat.gif`));
    expect([f.name, f.type, await f.text()]).toEqual(["cat.gif", "image/gif", "img"]);
    expect((await toFile(new Uint8Array([1]), "x.png", { type: "image/x-custom" })).type).toBe("image/x-custom");
  });

  it("recognises uploadables by kind, a read stream by its shape", () => {
    for (const v of [new Blob([]), new ArrayBuffer(1), new Uint8Array(1), new DataView(new ArrayBuffer(1)), stream()])
      expect(isUploadable(v), String(v)).toBe(true);
    const rs = createReadStream(audioPath);
    expect(isUploadable(rs)).toBe(true);
    rs.destroy();
    for (const v of ["a", 1, null, { path: "/x" }, { path: "/x", pipe() {} }, [new Blob([])]])
      expect(isUploadable(v), JSON.stringify(v)).toBe(false);
  });

  it("types common extensions, and nothing else", () => {
    expect(["a.JPG", "b.jpeg", "c.m4a", "d.webm", "e.pdf", "f", "g.unknown", ".mp3"].map(typeOfName)).toEqual([
      "image/jpeg",
      "image/jpeg",
      "audio/mp4",
      "audio/webm",
      "application/pdf",
      "application/octet-stream",
      "application/octet-stream",
      "audio/mpeg",
    ]);
  });
});

describe("multipartBody", () => {
  it("keeps each file's name and type, taking the type from the name when the File has none", async () => {
    await send(multipartBody, {
      file: new File([AUDIO], "speech.mp3"),
      image: new File(["<svg/>"], "logo.svg", { type: "image/custom" }),
      model: "whisper-1",
    });
    const fd = await formOf(server.requests[0]!);
    const file = fd.get("file") as File;
    expect([file.name, file.type]).toEqual(["speech.mp3", "audio/mpeg"]);
    expect(await bytesOf(file)).toEqual(AUDIO);
    expect([(fd.get("image") as File).name, (fd.get("image") as File).type]).toEqual(["logo.svg", "image/custom"]);
    expect(fd.get("model")).toBe("whisper-1");
  });

  it("sends bytes as files, and arrays of files as repeated parts", async () => {
    await send(multipartBody, {
      a: new Uint8Array([1, 2]),
      b: new Uint8Array([7, 8, 9]).subarray(1).buffer,
      files: [new File(["1"], "1.txt"), new File(["2"], "2.txt")],
    });
    const fd = await formOf(server.requests[0]!);
    expect(await bytesOf(fd.get("a"))).toEqual(new Uint8Array([1, 2]));
    expect(await bytesOf(fd.get("b"))).toEqual(new Uint8Array([7, 8, 9]));
    expect((fd.getAll("files") as File[]).map((f) => f.name)).toEqual(["1.txt", "2.txt"]);
  });

  it("streams a Node fs.ReadStream and a web ReadableStream as they are read, with names and types", async () => {
    await send(multipartBody, {
      file: createReadStream(audioPath),
      notes: stream("line 1\n", "line 2\n"),
      purpose: "assistants",
      'we"ird\r\nname': "v",
    });
    const r = server.requests[0]!;
    expect(r.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=clientgen-/);
    expect(r.headers["transfer-encoding"]).toBe("chunked");
    expect(r.text).toContain(
      'Content-Disposition: form-data; name="file"; filename="speech.mp3"\r\nContent-Type: audio/mpeg\r\n',
    );
    expect(r.text).toContain('name="we%22ird%0D%0Aname"');
    const fd = await formOf(r);
    expect(await bytesOf(fd.get("file"))).toEqual(AUDIO);
    expect([(fd.get("notes") as File).name, await (fd.get("notes") as File).text()]).toEqual([
      "blob",
      "line 1\nline 2\n",
    ]);
    expect(fd.get("purpose")).toBe("assistants");
  });

  it("retries a body held in memory, and never a streamed one (the stream is spent)", async () => {
    server.handler = (_q, res, n) => (n === 1 ? reply(res, 503, {}, { "retry-after-ms": "1" }) : reply(res, 200, {}));
    await send(multipartBody, { file: new File(["x"], "x.txt") }, 2);
    expect(server.requests).toHaveLength(2);
    expect(await (await formOf(server.requests[1]!)).get("file")).toBeInstanceOf(File);
    server.requests.length = 0;
    await expect(send(multipartBody, { file: stream("x") }, 2)).rejects.toThrow(/503/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("jsonOrMultipartBody", () => {
  it("sends JSON when no field holds an upload", async () => {
    await send(jsonOrMultipartBody, { media_url: "https://x.test/a.mp3", options: { a: 1 } });
    const r = server.requests[0]!;
    expect(r.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(r.text)).toEqual({ media_url: "https://x.test/a.mp3", options: { a: 1 } });
  });

  it.each<[string, () => unknown]>([
    ["a File", () => new File(["x"], "a.mp3")],
    ["bytes", () => new Uint8Array([1])],
    ["a read stream", () => createReadStream(audioPath)],
    ["an array of Files", () => [new File(["x"], "a.mp3")]],
  ])("sends multipart when a field holds %s", async (_name, media) => {
    await send(jsonOrMultipartBody, { media: media(), options: { a: 1 } });
    const r = server.requests[0]!;
    expect(r.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const fd = await formOf(r);
    expect(fd.get("media")).toBeInstanceOf(File);
    expect(fd.get("options")).toBe('{"a":1}');
  });
});

describe("binaryBody with a read stream", () => {
  it("sends a Node fs.ReadStream's bytes as the body, streamed", async () => {
    await new ClientCore(spec(), { baseURL: server.url, logLevel: "off", maxRetries: 0 }).request(
      op({ method: "put", path: "/media", body: { mode: "whole", encode: binaryBody, contentType: "audio/mpeg" } }),
      {},
      { body: createReadStream(audioPath) },
    );
    const r = server.requests[0]!;
    expect(r.headers["content-type"]).toBe("audio/mpeg");
    expect(r.headers["transfer-encoding"]).toBe("chunked");
    expect(new Uint8Array(r.body)).toEqual(AUDIO);
  });
});
