/**
 * Path arguments travel by wire name (`{ "user-id": userId }`), so names that are not identifiers,
 * or that an object literal treats specially (`__proto__`), must still reach the right segment. The
 * fixture is generated into a temporary package, type-checked, and called against a real server.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";
import { tscErrors } from "../helpers/tsc.js";

let dir: string;
let server: RecordingServer;
// The generated modules are only known at run time; tsc checks their types below.
let core: any;
let operations: any;

beforeAll(async () => {
  dir = await generateIntoTemp(fixture("specs", "path-names.yaml"), "path-names");
  server = await startRecordingServer();
  core = await import(join(dir, "src", "core.ts"));
  operations = await import(join(dir, "src", "operations", "index.ts"));
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("path arguments by wire name (generated from test/fixtures/specs/path-names.yaml)", () => {
  it("the package type-checks", async () => {
    expect(await tscErrors("--noEmit", "-p", dir)).toBe("");
  }, 60_000);

  it("each value lands in its own segment, `__proto__` and `user-id` included", async () => {
    server.reply({ body: { id: "t" } });
    const client = new core.PathNamesCore({ baseURL: server.baseURL, maxRetries: 0 });
    expect(await operations.getThing(client, "p/1", "u 2", "o")).toEqual({ id: "t" });
    expect(server.requests.at(-1)!.url).toBe("/things/p%2F1/u%202/o");
  });

  it("a missing one is refused before sending, by wire name", async () => {
    const before = server.requests.length;
    const client = new core.PathNamesCore({ baseURL: server.baseURL, maxRetries: 0 });
    await expect(operations.getThing(client, undefined, "u", "o")).rejects.toThrow(
      "getThing: missing required path parameter `__proto__`",
    );
    expect(server.requests.length).toBe(before);
  });

  it("the server URL's variables take their defaults, or the serverVariables option", () => {
    expect(new core.PathNamesCore().baseURL).toBe("https://eu.paths.example.com/v1");
    expect(new core.PathNamesCore({ serverVariables: { region: "us" } }).baseURL).toBe(
      "https://us.paths.example.com/v1",
    );
  });
});
