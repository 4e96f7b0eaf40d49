/**
 * The command line of packages with event streams and file fields (test/fixtures/specs/streaming.yaml
 * and uploads.yaml), bundled and spawned as real processes against a 127.0.0.1 server: events print as
 * NDJSON, each written as it arrives, and `field=@path` sends a file part named as the file.
 */
import type { ServerResponse } from "node:http";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliBundles } from "../helpers/cli-bundle.js";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import { startHttpServer, type HttpServer } from "../helpers/http-server.js";

const cli = new CliBundles();
const dirs: string[] = [];
let server: HttpServer;
/** Resolved when the spawned command has printed its first event (the server holds the second until then). */
let firstPrinted: Promise<void> = Promise.resolve();

const event = (res: ServerResponse, data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);

beforeAll(async () => {
  for (const name of ["streaming", "uploads"]) {
    const dir = await generateIntoTemp(fixture("specs", `${name}.yaml`), name);
    dirs.push(dir);
    await cli.buildPackage(name, dir);
  }
  server = await startHttpServer(async (req, res) => {
    if (req.path === "/files") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end('{"ok":true}');
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    if (req.path === "/chat/completions") {
      event(res, { id: "c1", delta: "Hel" });
      event(res, { id: "c1", delta: "lo" });
      res.write("data: [DONE]\n\n");
      return void res.end();
    }
    event(res, { type: "first", at: 1 });
    await firstPrinted;
    event(res, { type: "second", at: 2 });
    res.end();
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  cli.remove();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("command line: event streams and files", () => {
  it("prints each event as one JSON line as soon as it arrives", async () => {
    let seen!: () => void;
    firstPrinted = new Promise((resolve) => (seen = resolve));
    const run = await cli.run("streaming", ["tailEvents", "topic=t", "--base-url", server.url], {
      killAfterMs: 8000,
      // The server sends the second event only once the first is on stdout: a buffered writer would hang.
      onSpawn: (child) => child.stdout!.on("data", (c: Buffer) => c.toString().includes("first") && seen()),
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('{"type":"first","at":1}\n{"type":"second","at":2}\n');
  });

  it("`stream=true` on an operation offering JSON or events prints the chunks as NDJSON", async () => {
    const args = ["createChatCompletion", "model=m", 'messages:=[{"role":"user","content":"hi"}]', "stream=true"];
    const run = await cli.run("streaming", [...args, "--base-url", server.url], { killAfterMs: 8000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('{"id":"c1","delta":"Hel"}\n{"id":"c1","delta":"lo"}\n');
    expect(JSON.parse(server.requests.at(-1)!.text)).toMatchObject({ stream: true });
  });

  it("`file=@path` sends the file as a part with its name and the content type of its extension", async () => {
    const path = join(dirs[1]!, "notes.txt");
    await writeFile(path, "hello file");
    const run = await cli.run("uploads", ["uploadFile", `file=@${path}`, "purpose=p", "--base-url", server.url], {
      killAfterMs: 8000,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const req = server.requests.at(-1)!;
    const form = await new Response(new Uint8Array(req.body), {
      headers: { "content-type": String(req.headers["content-type"]) },
    }).formData();
    const file = form.get("file") as File;
    expect([file.name, file.type, await file.text(), form.get("purpose")]).toEqual([
      "notes.txt",
      "text/plain",
      "hello file",
      "p",
    ]);
  });

  it("--help says how to give a file, and that events (declared or asked for) print one JSON line each", async () => {
    const upload = await cli.run("uploads", ["uploadFile", "--help"]);
    expect(upload.stdout).toContain("key=@path for a file field");
    expect((await cli.run("uploads", ["--help"])).stdout).toContain("a file field as key=@path");
    expect((await cli.run("streaming", ["tailEvents", "--help"])).stdout).toContain("one JSON line each (NDJSON)");
    // JSON unless asked for events: the help says which prints what.
    expect((await cli.run("streaming", ["createChatCompletion", "--help"])).stdout).toContain(
      "with stream=true, each event as it arrives, one JSON line each (NDJSON)",
    );
  });
});
