import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { fixture, generateFrom } from "../helpers/generate.js";

/** DESIGN: a clash gets a warning that shows both places, the one that wanted the name and the one that had it. */
describe("a rename warning", () => {
  it("is located at the spec node that wanted the name and names where the holder is", async () => {
    const result = await generateFrom(fixture("specs", "name-clash-places.yaml"));
    const clashes = result.diagnostics.filter((d) => d.rule === "name-clash");
    const file = "test/fixtures/specs/name-clash-places.yaml";
    const fn = clashes.find((d) => d.message.includes("function name"))!;
    expect(fn.location).toMatchObject({ file, line: 13, column: 5 });
    expect(fn.message).toBe(
      `GET /b: function name 'listThings' is taken (by GET /a at ${file}:7:5); using 'listThings2'`,
    );
    expect(formatDiagnostic(fn, { color: false })).toMatch(
      new RegExp(`^${file}:13:5 warning\\[name-clash\\] GET /b: .* at ${file}:7:5\\)`),
    );
    // The operation's response type wanted a schema's alias: the schema is the holder.
    const type = clashes.find((d) => d.message.includes("type 'ListThingsResponse'"))!;
    expect(type.location).toMatchObject({ file, line: 7, column: 5 });
    expect(type.message).toContain(`(by schema 'ListThingsResponse' at ${file}:20:5)`);
  });
});
