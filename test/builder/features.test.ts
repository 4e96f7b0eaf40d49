/**
 * What the seed specs don't exercise: required query parameters, header and cookie parameters,
 * bodies sent whole (an array, optional text), several required setters. The fixture is generated
 * into a temporary package, type-checked with a file of `@ts-expect-error` lines, and called
 * against a real HTTP server on 127.0.0.1.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateIntoTemp, projectRoot } from "../helpers/generate.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";
import { tscErrors } from "../helpers/tsc.js";

/** Lines that must compile, and lines that must not, against the generated builder. */
const CHECKS = `import { ItemsApi, NotesApi, type Item } from "./builder.js";

const items = new ItemsApi({ apiKey: "k" });
const item: Item = { name: "a" };

export const checks = () => [
  // @ts-expect-error q is a required query parameter
  items.searchItems("s").execute(),
  items.searchItems("s").q("x").execute(),
  items.searchItems("s").tags(["a"]).xTraceId("t").session("c").q("x").execute(),
  // @ts-expect-error dryRun is required too
  items.createItem().item(item).execute(),
  // @ts-expect-error item is required too
  items.createItem().dryRun(true).execute(),
  items.createItem().dryRun(true).item(item).execute(),
  items.createItem().item(item).dryRun(false).executeRaw(),
  // @ts-expect-error dryRun is a boolean
  items.createItem().dryRun("yes"),
  // @ts-expect-error the array body is required
  items.replaceItems("s").execute(),
  items.replaceItems("s").body([item]).execute(),
  // @ts-expect-error the body is an array of items
  items.replaceItems("s").body(item),
  // @ts-expect-error itemId is a number
  new NotesApi().addNote("s", "1"),
  new NotesApi().addNote("s", 1).execute(),
  new NotesApi().addNote("s", 1).body("text").execute(),
];
`;

let dir: string;
let server: RecordingServer;
// The generated module is only known at run time; its types are checked by tsc below.
let builder: any;
let operations: any;

beforeAll(async () => {
  dir = await generateIntoTemp(join(projectRoot, "test", "builder", "fixtures", "features.yaml"), "features");
  await writeFile(join(dir, "src", "checks.ts"), CHECKS);
  server = await startRecordingServer();
  builder = await import(join(dir, "src", "builder.ts"));
  operations = await import(join(dir, "src", "operations", "index.ts"));
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const last = () => server.requests[server.requests.length - 1]!;
const options = () => ({ apiKey: "k-1", baseURL: server.baseURL, maxRetries: 0 });

describe("builder features (generated from test/builder/fixtures/features.yaml)", () => {
  it("the package, with its @ts-expect-error checks, type-checks", async () => {
    expect(await tscErrors("--noEmit", "-p", dir)).toBe("");
  }, 60_000);

  it("query, header and cookie setters land where the spec says, like the standalone function", async () => {
    server.reply({ body: [{ name: "a" }] });
    const api = new builder.ItemsApi(options());
    const result = await api.searchItems("s/1").q("shoes").tags(["a", "b"]).xTraceId("t-1").session("abc").execute();
    expect(result).toEqual([{ name: "a" }]);
    const sent = last();
    expect(sent).toMatchObject({ method: "GET", path: "/stores/s%2F1/items", body: "" });
    expect([...sent.query]).toEqual([
      ["q", "shoes"],
      ["tags", "a"],
      ["tags", "b"],
    ]);
    expect(sent.headers["x-trace-id"]).toBe("t-1");
    expect(sent.headers.cookie).toBe("session=abc");
    expect(sent.headers["x-api-key"]).toBe("k-1");
    await operations.searchItems(new builder.BuilderFeaturesCore(options()), "s/1", {
      q: "shoes",
      tags: ["a", "b"],
      xTraceId: "t-1",
      session: "abc",
    });
    expect(last().url).toBe(sent.url);
    expect(last().headers.cookie).toBe("session=abc");
  });

  it("a whole array body is sent as JSON", async () => {
    server.reply({ status: 204 });
    const result = await new builder.ItemsApi(options())
      .replaceItems("s")
      .body([{ name: "a" }, { name: "b", price: 2 }])
      .execute();
    expect(result).toBeUndefined();
    expect(last()).toMatchObject({
      method: "PUT",
      path: "/stores/s/items",
      body: '[{"name":"a"},{"name":"b","price":2}]',
    });
    expect(last().headers["content-type"]).toBe("application/json");
  });

  it("an optional text body is sent when set and left out when not", async () => {
    server.reply({ status: 201, headers: { "content-type": "text/plain" }, body: "stored" });
    const api = new builder.NotesApi(options());
    expect(await api.addNote("s", 7).body("hello").execute()).toBe("stored");
    expect(last()).toMatchObject({ method: "POST", path: "/stores/s/items/7/notes", body: "hello" });
    expect(last().headers["content-type"]).toMatch(/^text\/plain/);
    await api.addNote("s", 7).execute();
    expect(last().body).toBe("");
    expect(last().headers["content-type"]).toBeUndefined();
  });

  it("a required query parameter and a body sent as fields go together", async () => {
    server.reply({ status: 201, body: { name: "a", price: 2 } });
    const result = await new builder.ItemsApi(options())
      .createItem()
      .item({ name: "a", price: 2 })
      .dryRun(true)
      .execute();
    expect(result).toEqual({ name: "a", price: 2 });
    expect(last()).toMatchObject({ method: "POST", url: "/items?dry_run=true", body: '{"name":"a","price":2}' });
  });

  it("JavaScript callers get an error naming the first missing parameter, and nothing is sent", () => {
    const before = server.requests.length;
    const api = new builder.ItemsApi(options());
    expect(() => api.searchItems("s").execute()).toThrow(
      "searchItems: missing required parameter 'q' (set it with .q(...))",
    );
    expect(() => api.createItem().item({ name: "a" }).execute()).toThrow(
      "createItem: missing required parameter 'dryRun' (set it with .dryRun(...))",
    );
    expect(() => api.createItem().dryRun(false).execute()).toThrow(
      "createItem: missing required parameter 'item' (set it with .item(...))",
    );
    expect(() => api.replaceItems("s").executeRaw()).toThrow(
      "replaceItems: missing required parameter 'body' (set it with .body(...))",
    );
    expect(server.requests.length).toBe(before);
  });
});
