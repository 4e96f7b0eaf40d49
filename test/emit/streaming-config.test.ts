/**
 * clientgen.yaml's `streaming` with a field other than `stream` (test/fixtures/specs/streaming-config:
 * `live` asks for Tick events, which the spec leaves out). The `stream` case runs end to end beside
 * openai-node in test/e2e/openai-parity.test.ts; here, that the field's name reaches every place that
 * spells it, so no part of the client still asks `stream`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, generateFrom } from "../helpers/generate.js";

let files: ReadonlyMap<string, string>;

beforeAll(async () => {
  const result = await generateFrom(fixture("specs", "streaming-config", "openapi.yaml"), "ticker");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  files = result.files!;
});

const file = (path: string) => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no ${path} among ${[...files.keys()].join(", ")}`);
  return text;
};

describe("streaming: { param: live, event: Tick }", () => {
  it("flat overloads: `live: true` gives Stream<Tick>, `live` absent or false the Quote", () => {
    const flat = file("src/resources/quotes.ts");
    expect(flat).toContain(
      "create(params: CreateQuoteParams & { live: true }, options?: RequestOptions): APIPromise<Stream<Tick>>;",
    );
    expect(flat).toMatch(
      /params: CreateQuoteParams & \{ live\?: false \| null \},\n.*\n\s*\): APIPromise<CreateQuoteResponse>;/,
    );
    expect(flat).not.toMatch(/\bstream[?]?:/);
  });

  it("the runtime reads `live` (the JSON-or-events reader told the field), and Accept asks for both", () => {
    const op = file("src/operations/quotes.ts");
    expect(op).toMatch(/response: sseOrJSONResponse,\n\s*streamParam: "live",/);
  });

  it("builder body setter overloads on `live`", () => {
    const builder = file("src/apis/default-api.ts");
    expect(builder).toMatch(/& \{ live: true \}\): CreateQuoteBuilder<[^>]*>, Stream<Tick>>;/);
    expect(builder).toContain("the Stream once the body says `live: true`");
  });

  it("the command line prints NDJSON with live=true, and the docs page says so", () => {
    expect(file("src/cli.ts")).toContain('streams: "live",');
    expect(file("docs/quotes.md")).toContain(
      "With `live: true`, a `Stream` of server-sent events instead, each [Tick](models/Tick.md).",
    );
  });
});

describe("streaming: { event: RunEvent }, an event schema of whole events", () => {
  it("the operation tells the runtime to yield { event, data }; an event schema of data alone does not", () => {
    expect(file("src/operations/runs.ts")).toMatch(/response: sseOrJSONResponse,\n\s*framedEvents: true,/);
    expect(file("src/operations/quotes.ts")).not.toContain("framedEvents");
    expect(file("src/resources/runs.ts")).toContain("APIPromise<Stream<RunEvent>>");
  });
});
