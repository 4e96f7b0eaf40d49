import { describe, expect, it } from "vitest";
import { fixture, generateFrom } from "../helpers/generate.js";

/** Each broken spec fails with exactly this located diagnostic, and nothing is emitted. */
const cases = [
  { file: "broken/yaml-syntax.yaml", rule: "yaml-syntax", line: 10, column: 1, message: /not valid YAML/ },
  { file: "broken/json-syntax.json", rule: "json-syntax", line: 3, column: 52, message: /not valid JSON/ },
  { file: "broken/ref-unresolved.yaml", rule: "ref-unresolved", line: 17, column: 17, hint: /did you mean '#\/components\/schemas\/Pet'/ },
  { file: "broken/path-param-missing.yaml", rule: "path-param-missing", line: 7, column: 5, message: /\{pet_id\}/ },
  { file: "broken/operation-id-duplicate.yaml", rule: "operation-id-duplicate", line: 12, column: 7, message: /already used by GET \/pets/ },
  { file: "broken/swagger-version.yaml", rule: "openapi-version", line: 1, column: 1, message: /OpenAPI 3\.0 and 3\.1/ },
  { file: "broken/method-case.yaml", rule: "paths-shape", line: 7, column: 5, hint: /write 'get:'/ },
  { file: "broken/security-unknown.yaml", rule: "security-scheme-unknown", line: 6, column: 5, hint: /token/ },
  { file: "broken-config/openapi.yaml", rule: "config-invalid", line: 2, column: 1, hint: /did you mean 'credentials'/, in: "clientgen.yaml" },
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
