/**
 * A credential the spec lacks, declared in clientgen.yaml (a bearer token and an API key in the
 * query, as GitHub's spec declares none): generated into a temporary package, type-checked, and
 * called against a real server with each, and with none.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, generateFrom, generateIntoTemp } from "../helpers/generate.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";
import { tscErrors } from "../helpers/tsc.js";

const spec = fixture("specs", "config-credential", "openapi.yaml");
let dir: string;
let server: RecordingServer;
// The generated module is only known at run time; tsc checks its types below.
let index: any;

beforeAll(async () => {
  dir = await generateIntoTemp(spec, "repos");
  server = await startRecordingServer();
  server.reply({ body: [] });
  index = await import(join(dir, "src", "index.ts"));
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("credentials declared in clientgen.yaml (test/fixtures/specs/config-credential)", () => {
  it("the package type-checks, with the options typed", async () => {
    expect(await tscErrors("--noEmit", "-p", dir)).toBe("");
  }, 60_000);

  it("a bearer token is sent as Authorization", async () => {
    await new index.Repos({ baseURL: server.baseURL, apiToken: "t0k" }).repos.retrieve("octo");
    expect(server.requests.at(-1)!.headers.authorization).toBe("Bearer t0k");
  });

  it("an API key in the query is sent there", async () => {
    await new index.Repos({ baseURL: server.baseURL, apiKey: "k3y" }).repos.retrieve("octo");
    expect(server.requests.at(-1)!.url).toBe("/repos/octo?api_key=k3y");
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("without either, the request goes unauthenticated (the spec requires none)", async () => {
    await new index.Repos({ baseURL: server.baseURL }).repos.retrieve("octo");
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
    expect(server.requests.at(-1)!.url).toBe("/repos/octo");
  });

  it("the README lists them with their environment variables", async () => {
    const readme = (await generateFrom(spec, "repos")).files!.get("README.md")!;
    expect(readme).toMatch(/`apiToken`.*`REPOS_TOKEN`.*bearer token/);
    expect(readme).toMatch(/`apiKey`.*`REPOS_KEY`.*API key in query `api_key`/);
  });
});
