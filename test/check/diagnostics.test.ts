import { describe, expect, it } from "vitest";
import { fixture, generateFrom } from "../helpers/generate.js";

/** Each broken spec fails with exactly this located diagnostic, and nothing is emitted. */
const cases = [
  { file: "broken/yaml-syntax.yaml", rule: "yaml-syntax", line: 10, column: 1, message: /not valid YAML/ },
  { file: "broken/json-syntax.json", rule: "json-syntax", line: 3, column: 52, message: /not valid JSON/ },
  {
    file: "broken/ref-unresolved.yaml",
    rule: "ref-unresolved",
    line: 17,
    column: 17,
    hint: /did you mean '#\/components\/schemas\/Pet'/,
  },
  { file: "broken/path-param-missing.yaml", rule: "path-param-missing", line: 7, column: 5, message: /\{pet_id\}/ },
  {
    file: "broken/operation-id-duplicate.yaml",
    rule: "operation-id-duplicate",
    line: 12,
    column: 7,
    message: /already used by GET \/pets/,
  },
  {
    file: "broken/swagger-version.yaml",
    rule: "openapi-version",
    line: 1,
    column: 1,
    message: /OpenAPI 3\.0 and 3\.1/,
  },
  { file: "broken/method-case.yaml", rule: "paths-shape", line: 7, column: 5, hint: /write 'get:'/ },
  { file: "broken/security-unknown.yaml", rule: "security-scheme-unknown", line: 6, column: 5, hint: /token/ },
  {
    file: "broken-config/openapi.yaml",
    rule: "config-invalid",
    line: 2,
    column: 1,
    hint: /did you mean 'credentials'/,
    in: "clientgen.yaml",
  },
  {
    file: "broken-config-scheme/openapi.yaml",
    rule: "config-mismatch",
    line: 2,
    column: 3,
    message: /scheme 'token' is already defined in/,
    in: "clientgen.yaml",
  },
  {
    file: "broken-config-shape/openapi.yaml",
    rule: "config-invalid",
    line: 2,
    column: 3,
    message: /securitySchemes.key: 'name' is required/,
    in: "clientgen.yaml",
  },
] as const;

/** Every problem of a clientgen.yaml comes in one run, each at its own line. */
const allAtOnce = [
  [
    "broken-config-scheme/openapi.yaml",
    ["2:3 scheme 'token' is already defined", "4:10 credential 'key' names scheme 'missing'"],
  ],
  [
    "broken-config-shape/openapi.yaml",
    ["2:3 securitySchemes.key: 'name' is required here", "3:3 securitySchemes.other: 'type' must be one of"],
  ],
  [
    "broken-config-oauth2/openapi.yaml",
    [
      "2:3 credential 'appId' uses OAuth2 client credentials scheme 'oauth' and must say which half it is",
      "3:31 credential 'appSecret' says 'part: password', which scheme 'oauth' does not have",
    ],
  ],
  ["broken-config-names/openapi.yaml", ["3:3 schema 'Gadget' is not in", "8:7 'listThings' has no parameter 'limit'"]],
  [
    "broken-config-streaming/openapi.yaml",
    [
      "3:18 body property 'mode' of 'createCompletion' is not a boolean",
      "3:31 event schema 'Chunks' is not in",
      "5:18 'createEdit' has no body property 'strem'",
      "7:5 'createChat' already declares a text/event-stream answer",
      "9:5 'createSpeech' declares no JSON success answer",
      "11:5 'listFiles' has no JSON object request body to carry 'stream'",
      "12:3 operation 'createThing' is not in",
    ],
  ],
] as const;

describe("diagnostics for broken input", () => {
  it.each(cases)("$file → $rule at $line:$column", async (c) => {
    const result = await generateFrom(fixture("specs", c.file));
    expect(result.files).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.rule)).toContain(c.rule);
    const d = errors.find((e) => e.rule === c.rule)!;
    expect(d.location?.file).toMatch("in" in c ? c.in : c.file);
    expect([d.location?.line, d.location?.column]).toEqual([c.line, c.column]);
    if ("message" in c) expect(d.message).toMatch(c.message);
    if ("hint" in c) expect(d.hint).toMatch(c.hint);
    expect(d.hint).toBeTruthy();
    expect(d.frame).toContain(">");
  });

  it.each(allAtOnce)("%s: every problem, located", async (file, expected) => {
    const result = await generateFrom(fixture("specs", file));
    const found = result.diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`);
    expect(found).toEqual(expected.map((e) => expect.stringContaining(e)));
  });

  it("a streaming mistake's hint says how to fix it", async () => {
    const result = await generateFrom(fixture("specs", "broken-config-streaming", "openapi.yaml"));
    const hints = Object.fromEntries(
      result.diagnostics.map((d) => [`${d.location?.line}:${d.location?.column}`, d.hint]),
    );
    expect(hints).toMatchObject({
      "3:18": expect.stringContaining("its boolean body properties: stream"),
      "3:31": expect.stringContaining("did you mean 'Chunk'?"),
      "5:18": expect.stringContaining("did you mean 'stream'?"),
      "7:5": expect.stringContaining("remove 'streaming'"),
    });
  });

  it("reports every problem of a file in one run", async () => {
    const result = await generateFrom(fixture("specs", "broken", "security-unknown.yaml"));
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(1);
  });

  it("follows $refs across files, hoisting components and inlining plain files", async () => {
    const result = await generateFrom(fixture("specs", "multi-file", "openapi.yaml"));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const models = result.files!.get("src/models.ts")!;
    expect(models).toContain('export type Thing = components["schemas"]["Thing"];');
    expect(models).toContain("export type GetThingResponse = Thing;");
    const types = result.files!.get("src/types.ts")!;
    expect(types).toMatch(/owner\?: \{\s*name\?: string;/);
    expect(types).toMatch(/parent\?: components\["schemas"\]\["Thing"\]/);
  });
});
