import { describe, expect, it } from "vitest";
import { decodePointer, encodeSegment, getAt, malformedPercent } from "../../src/load/json-pointer.js";

describe("the one JSON pointer decoder", () => {
  it.each([
    ["", []],
    ["/", []],
    ["/components/schemas/Pet", ["components", "schemas", "Pet"]],
    ["/paths/~1users~1{id}/get", ["paths", "/users/{id}", "get"]],
    ["/a~01", ["a~1"]],
    ["/c%20d", ["c d"]],
    // `%` escapes first, then `~` (RFC 6901 §6): an escaped `~1` is still `/`.
    ["/a%7E1b", ["a/b"]],
    ["/a//b", ["a", "", "b"]],
    // A broken escape stays as written, so it names nothing.
    ["/a%zz", ["a%zz"]],
  ])("%j → %j", (fragment, pointer) => {
    expect(decodePointer(fragment)).toEqual(pointer);
  });

  it("encodes a key so that it decodes back", () => {
    for (const key of ["a/b", "~1", "x~/y", "plain"]) expect(decodePointer(`/${encodeSegment(key)}`)).toEqual([key]);
    expect(encodeSegment("a/b~c")).toBe("a~1b~0c");
  });

  it("looks a pointer up, undefined where the path leaves the document", () => {
    const doc = { a: [{ b: 1 }], n: null };
    expect(getAt(doc, ["a", 0, "b"])).toBe(1);
    expect(getAt(doc, ["a", 1, "b"])).toBeUndefined();
    expect(getAt(doc, ["n", "x"])).toBeUndefined();
  });

  it("tells a broken `%` escape", () => {
    expect(malformedPercent("100%")).toBe(true);
    expect(malformedPercent("%zz")).toBe(true);
    expect(malformedPercent("%25 and %20")).toBe(false);
  });
});
