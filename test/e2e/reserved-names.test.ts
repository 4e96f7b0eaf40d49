/**
 * Names the runtime already uses: resources `/send`, `/parse`, `/unwrap` and `/then`, an operation
 * and a tag called `then`, operations `listThings` and `listThingsSpec` (whose spec constant would be
 * `listThingsSpec`), a body field called `body`, and query parameters `__proto__`, `state` and `type`.
 * The fixture is generated into a temporary package, type-checked with --strict, and called against a
 * real server.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { fixture, generateFrom, generateIntoTemp } from "../helpers/generate.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";
import { tscErrors } from "../helpers/tsc.js";

const spec = fixture("specs", "reserved-names.yaml");
let dir: string;
let server: RecordingServer;
let warnings: Diagnostic[];
let readme: string;
// The generated modules are only known at run time; tsc checks their types below.
let index: any;
let builder: any;
let operations: any;

beforeAll(async () => {
  const result = await generateFrom(spec, "reserved");
  warnings = result.diagnostics.filter((d) => d.severity === "warning");
  readme = result.files!.get("README.md")!;
  dir = await generateIntoTemp(spec, "reserved");
  server = await startRecordingServer();
  index = await import(join(dir, "src", "index.ts"));
  builder = await import(join(dir, "src", "builder.ts"));
  operations = await import(join(dir, "src", "operations", "index.ts"));
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const client = () => new index.ReservedNames({ baseURL: server.baseURL, maxRetries: 0 });

describe("reserved names (generated from test/fixtures/specs/reserved-names.yaml)", () => {
  it("the package type-checks with --strict", async () => {
    expect(await tscErrors("--noEmit", "--strict", "-p", dir)).toBe("");
  }, 60_000);

  it("resources named like ClientCore members leave the core's own methods alone", () => {
    const c = client();
    for (const member of ["send", "parse", "unwrap"]) expect(c[member]).toBe(index.ReservedNamesCore.prototype[member]);
    expect(
      Object.keys(c)
        .filter((k) => k.endsWith("Resource"))
        .sort(),
    ).toEqual(["parseResource", "sendResource", "thenResource", "unwrapResource"]);
  });

  it("neither the client, an API object nor the operations module is thenable", async () => {
    const c = client();
    expect(c.then).toBeUndefined();
    expect(await Promise.resolve(c)).toBe(c);
    const api = new builder.ThenApi({ baseURL: server.baseURL });
    expect(await Promise.resolve(api)).toBe(api);
    expect("then" in operations).toBe(false);
    expect(typeof operations.thenOperation).toBe("function");
  });

  it("each rename is a warning naming the clientgen.yaml key that fixes it", () => {
    const hints = warnings.map((w) => `${w.message} | ${w.hint}`);
    expect(hints).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /function name 'then' would make the operations module thenable; using 'thenOperation' \| .*operations\."then"\.builderMethod/,
        ),
        expect.stringMatching(
          /resource 'client\.send' would override the client's own member 'send'; using 'sendResource' \| .*operations\."listThings"\.resource/,
        ),
        expect.stringMatching(
          /resource 'client\.then' would make the client thenable; using 'thenResource' \| .*operations\."then"\.resource/,
        ),
      ]),
    );
    // Setters `state` and `type` and the spec constants clash with nothing a user sees: no warning.
    expect(hints.filter((h) => /state|type|Spec/.test(h))).toEqual([]);
  });

  it("the README and docs call renamed resources by their properties", () => {
    expect(readme).toContain("client.sendResource.things.list");
    expect(readme).not.toMatch(/client\.send\.things/);
  });

  it("listThings and listThingsSpec keep their names; each sends its own request", async () => {
    server.reply({ body: [{ id: "a" }] }, { body: { version: "2" } });
    await expect(operations.listThings(client())).resolves.toEqual([{ id: "a" }]);
    await expect(operations.listThingsSpec(client())).resolves.toEqual({ version: "2" });
    expect(server.requests.slice(-2).map((r) => r.path)).toEqual(["/send/things", "/send/things/spec"]);
  });

  it("a query parameter `__proto__` goes on the wire from the flat method and the builder", async () => {
    server.reply({ body: [] });
    await client().sendResource.things.list({ ["__proto__"]: "p", state: "s", type: "t" });
    expect(server.requests.at(-1)!.url).toBe("/send/things?__proto__=p&state=s&type=t");
    await new builder.ThenApi({ baseURL: server.baseURL }).listThings().proto("p2").state("s2").type("t2").execute();
    expect(server.requests.at(-1)!.url).toBe("/send/things?__proto__=p2&state=s2&type=t2");
  });

  it("a body field called `body` stays a field beside the others", async () => {
    server.reply({ body: { id: "x" } });
    await client().parseResource.x.create({ body: "b", note: "n" });
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ body: "b", note: "n" });
  });
});
