/**
 * The Accept header is the media type the operation declares for its success response, so a server
 * that checks it (rev.ai answers 422 to `application/json` on its transcript GET) is satisfied, and a
 * vendor `+json` answer is read as JSON. Both styles, against a server on 127.0.0.1 that refuses others.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import { reply, startHttpServer, type HttpServer } from "../helpers/http-server.js";

const declared: Record<string, string> = {
  "/jobs/j1/transcript": "application/vnd.rev.transcript.v1.0+json",
  "/jobs/j1/captions": "text/vtt",
  "/jobs/j1": "application/json",
};
const bodies: Record<string, string> = {
  "/jobs/j1/transcript": JSON.stringify({ monologues: [{ speaker: 1 }] }),
  "/jobs/j1/captions": "WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n",
  "/jobs/j1": JSON.stringify({ id: "j1" }),
};

let dir: string;
let server: HttpServer;
type Calls = { transcript(): Promise<unknown>; captions(): Promise<unknown>; job(): Promise<unknown> };
let styles: Record<"flat" | "builder", Calls>;

beforeAll(async () => {
  dir = await generateIntoTemp(fixture("specs", "accept.yaml"), "accept");
  server = await startHttpServer((req, res) => {
    const type = declared[req.path];
    if (!type || req.headers.accept !== type) return reply(res, 422, { error: `Accept must be ${type}` });
    reply(res, 200, bodies[req.path], { "content-type": type });
  });
  const { MediaTypes } = await import(`${dir}/src/index.ts`);
  const { DefaultApi } = await import(`${dir}/src/builder.ts`);
  const flat = new MediaTypes({ baseURL: server.url, maxRetries: 0 });
  const builder = new DefaultApi({ baseURL: server.url, maxRetries: 0 });
  styles = {
    flat: {
      transcript: () => flat.jobs.transcript.retrieve("j1"),
      captions: () => flat.jobs.captions.retrieve("j1"),
      job: () => flat.jobs.retrieve("j1"),
    },
    builder: {
      transcript: () => builder.getTranscript("j1").execute(),
      captions: () => builder.getCaptions("j1").execute(),
      job: () => builder.getJob("j1").execute(),
    },
  };
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(["flat", "builder"] as const)("%s style", (style) => {
  it("asks for the vendor +json type the operation declares and reads it as JSON", async () => {
    expect(await styles[style].transcript()).toEqual({ monologues: [{ speaker: 1 }] });
    expect(server.requests.at(-1)!.headers.accept).toBe("application/vnd.rev.transcript.v1.0+json");
  });

  it("asks for a text type by its name and reads text", async () => {
    expect(await styles[style].captions()).toBe(bodies["/jobs/j1/captions"]);
    expect(server.requests.at(-1)!.headers.accept).toBe("text/vtt");
  });

  it("keeps application/json for a plain JSON operation", async () => {
    expect(await styles[style].job()).toEqual({ id: "j1" });
    expect(server.requests.at(-1)!.headers.accept).toBe("application/json");
  });
});
