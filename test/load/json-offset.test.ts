import { describe, expect, it } from "vitest";
import { jsonOffsetOf } from "../../src/load/json-offset.js";

const text = JSON.stringify({
  openapi: "3.0.3",
  'a"b': { "}{": "[not, a] {value}", n: [1, { k: "v\\" }, [true, null]] },
  paths: { "/jobs/{id}": { post: { operationId: "createJob" } } },
});

/** The offset of the quote that opens `"key"` (keys here are unique in the text). */
const keyAt = (key: string): number => text.indexOf(`${JSON.stringify(key)}:`);

describe("jsonOffsetOf", () => {
  it.each([
    [[], 0],
    [["openapi"], keyAt("openapi")],
    [["paths", "/jobs/{id}", "post"], keyAt("post")],
    [["paths", "/jobs/{id}", "post", "operationId"], keyAt("operationId")],
    [['a"b', "n", 1, "k"], keyAt("k")],
    [['a"b', "n", 2, 1], text.indexOf("null")],
  ] as const)("finds %j", (pointer, offset) => {
    expect(jsonOffsetOf(text, pointer)).toBe(offset);
  });

  it("skips strings that hold brackets, quotes and backslashes", () => {
    expect(jsonOffsetOf(text, ['a"b', "n"])).toBe(keyAt("n"));
    expect(jsonOffsetOf(text, ["paths"])).toBe(keyAt("paths"));
  });

  it("stops at the last part of the pointer that exists", () => {
    expect(jsonOffsetOf(text, ["paths", "/jobs/{id}", "delete"])).toBe(keyAt("/jobs/{id}"));
    expect(jsonOffsetOf(text, ['a"b', "n", 7])).toBe(keyAt("n"));
    expect(jsonOffsetOf(text, ["nope", "deeper"])).toBe(0);
  });

  it("reads pretty-printed JSON with CRLF line ends", () => {
    const pretty = JSON.stringify(JSON.parse(text), null, 2).replaceAll("\n", "\r\n");
    expect(pretty.slice(jsonOffsetOf(pretty, ["paths", "/jobs/{id}", "post"]))).toMatch(/^"post": \{/);
  });
});
