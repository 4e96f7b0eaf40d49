/**
 * File fields (`format: binary`, `contentMediaType`), generated from test/fixtures/specs/uploads.yaml:
 * typed `Uploadable`, sent as multipart file parts with their names and content types, and, for an
 * operation offering JSON and multipart, JSON when no file is given. Type-checked under `--strict`
 * and called against a 127.0.0.1 server in the flat and builder styles.
 */
import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useFixturePackage } from "../helpers/fixture-package.js";
import type { ReceivedRequest } from "../helpers/http-server.js";

const CHECKS = `import Uploads, { toFile } from "./index.js";
import { JobsApi } from "./builder.js";

const client = new Uploads();

export async function checks(bytes: Uint8Array<ArrayBuffer>) {
  await client.files.create({ file: await toFile(bytes, "a.txt"), purpose: "p", extra: [new Blob([bytes])] });
  await client.files.create({ file: bytes, purpose: "p" });
  // @ts-expect-error a file field takes an Uploadable, not a string
  await client.files.create({ file: "hello", purpose: "p" });
  // @ts-expect-error the file is required
  await client.files.create({ purpose: "p" });
  await client.jobs.create({ media_url: "https://example.com/a.mp3" });
  await client.jobs.create({ media: new File([bytes], "a.mp3"), language: "en" });
  // a base64 string (contentEncoding) stays a string
  await client.jobs.create({ thumbnail: "aGk=" });
  await new JobsApi().submitJob().jobRequest({ media: bytes }).execute();
}
`;

const pkg = useFixturePackage(
  "uploads.yaml",
  "uploads",
  (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  },
  CHECKS,
);
const { options, last } = pkg;

/** The multipart body as the server reads it: each field's text, or a file's name, type and text. */
async function parts(req: ReceivedRequest): Promise<Array<[string, unknown]>> {
  const form = await new Response(new Uint8Array(req.body), {
    headers: { "content-type": String(req.headers["content-type"]) },
  }).formData();
  const out: Array<[string, unknown]> = [];
  for (const [k, v] of form)
    out.push([k, typeof v === "string" ? v : { name: v.name, type: v.type, text: await v.text() }]);
  return out;
}

describe("file uploads (generated from test/fixtures/specs/uploads.yaml)", () => {
  it("the package, with its @ts-expect-error checks, type-checks under --strict", async () => {
    expect(await pkg.typeErrors()).toBe("");
  }, 60_000);

  it("flat, multipart only: toFile(...) and bytes become file parts with their names and content types", async () => {
    const client = new pkg.flat.default(options());
    const file = await pkg.flat.toFile(Buffer.from("hello"), "notes.txt");
    expect(await client.files.create({ file, purpose: "fine-tune", extra: [new Uint8Array([104, 105])] })).toEqual({
      ok: true,
    });
    expect(last().headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(await parts(last())).toEqual([
      ["file", { name: "notes.txt", type: "text/plain", text: "hello" }],
      ["purpose", "fine-tune"],
      ["extra", { name: "blob", type: "application/octet-stream", text: "hi" }],
    ]);
  });

  it("flat, JSON or multipart: no file sends JSON; a file (here a read stream) sends multipart", async () => {
    const client = new pkg.flat.default(options());
    await client.jobs.create({ media_url: "https://example.com/a.mp3", language: "en" });
    expect(last().headers["content-type"]).toBe("application/json");
    expect(JSON.parse(last().text)).toEqual({ media_url: "https://example.com/a.mp3", language: "en" });
    const path = join(pkg.dir, "talk.mp3");
    await writeFile(path, "ID3 not really");
    await client.jobs.create({ media: createReadStream(path), language: "en" });
    expect(last().headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(await parts(last())).toEqual([
      ["media", { name: "talk.mp3", type: "audio/mpeg", text: "ID3 not really" }],
      ["language", "en"],
    ]);
  });

  it("builder: a File in the body goes as multipart; without one, JSON", async () => {
    const jobs = new pkg.builder.JobsApi(options());
    await jobs
      .submitJob()
      .jobRequest({ media: new File(["RIFF"], "take.wav"), language: "fr" })
      .execute();
    expect(await parts(last())).toEqual([
      ["media", { name: "take.wav", type: "audio/wav", text: "RIFF" }],
      ["language", "fr"],
    ]);
    await jobs.submitJob().jobRequest({ media_url: "https://example.com/b.wav" }).execute();
    expect(JSON.parse(last().text)).toEqual({ media_url: "https://example.com/b.wav" });
  });
});
