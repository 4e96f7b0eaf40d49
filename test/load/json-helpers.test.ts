import { describe, expect, it } from "vitest";
import { componentName, deref } from "../../src/load/json-helpers.js";

describe("deref", () => {
  it("follows refs in the document it is given, even when another document has the same ref", () => {
    const a = { components: { schemas: { Pet: { type: "object", title: "a" } } } };
    const b = { components: { schemas: { Pet: { type: "string", title: "b" } } } };
    const ref = { $ref: "#/components/schemas/Pet" };
    expect(deref(a, ref)).toEqual({ value: a.components.schemas.Pet, ref: "Pet" });
    expect(deref(b, ref)).toEqual({ value: b.components.schemas.Pet, ref: "Pet" });
    expect(deref(a, ref).value).toBe(a.components.schemas.Pet);
  });

  it("follows chains, decodes pointers, and gives undefined for a missing target, again and again", () => {
    const doc = { components: { schemas: { "a/b": { $ref: "#/components/schemas/C~0" }, "C~": { type: "integer" } } } };
    for (let i = 0; i < 2; i++) {
      expect(deref(doc, { $ref: "#/components/schemas/a~1b" })).toEqual({ value: { type: "integer" }, ref: "a/b" });
      expect(deref(doc, { $ref: "#/components/schemas/Missing" })).toEqual({ value: undefined, ref: "Missing" });
      expect(deref(doc, { $ref: "other.yaml#/x" })).toEqual({ value: undefined });
    }
  });
});

describe("componentName", () => {
  it("names component schemas only, the same each time", () => {
    for (let i = 0; i < 2; i++) {
      expect(componentName("#/components/schemas/a~1b")).toBe("a/b");
      expect(componentName("#/components/responses/X")).toBeUndefined();
    }
  });
});
