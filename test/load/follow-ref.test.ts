import { describe, expect, it } from "vitest";
import {
  componentName,
  deref,
  leadsThroughItself,
  localRefs,
  refLoop,
  refTarget,
  resolveLocalRef,
} from "../../src/load/follow-ref.js";

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

describe("resolveLocalRef, Redocly's reading", () => {
  const doc = {
    components: {
      schemas: {
        Pet: { $ref: "#/components/schemas/Animal" },
        Animal: { type: "object", properties: { id: { type: "integer" } } },
        Loop: { $ref: "#/components/schemas/Loop/properties/x" },
      },
    },
  };

  it("goes through a reference met on the way and along a chain, giving the place it ends at", () => {
    expect(resolveLocalRef(doc, "#/components/schemas/Pet/properties/id")).toEqual({
      node: { type: "integer" },
      place: ["components", "schemas", "Animal", "properties", "id"],
    });
    expect(resolveLocalRef(doc, "#/components/schemas/Pet")?.place).toEqual(["components", "schemas", "Animal"]);
    // refTarget reads the pointer as written: Pet has no `properties` of its own.
    expect(refTarget(doc, "#/components/schemas/Pet/properties/id")).toBeUndefined();
  });

  it("drops empty segments, decodes escapes, and leads nowhere for anchors, other files, broken escapes and circles", () => {
    expect(resolveLocalRef(doc, "#/components//schemas/Animal")?.place).toEqual(["components", "schemas", "Animal"]);
    expect(resolveLocalRef(doc, "#/components/sch%65mas/Animal")?.place).toEqual(["components", "schemas", "Animal"]);
    expect(resolveLocalRef(doc, "#")).toEqual({ node: doc, place: [] });
    expect(resolveLocalRef(doc, "#pet")).toBeUndefined();
    expect(resolveLocalRef(doc, "other.yaml#/components/schemas/Animal")).toBeUndefined();
    expect(resolveLocalRef(doc, "#/components/schemas/Ani%zzmal")).toBeUndefined();
    expect(resolveLocalRef(doc, "#/components/schemas/Loop")).toBeUndefined();
    expect(leadsThroughItself(doc, "#/components/schemas/Loop")).toBe(true);
    expect(leadsThroughItself(doc, "#/components/schemas/Pet")).toBe(false);
  });
});

describe("refLoop and localRefs", () => {
  it("finds the circle a chain of references falls into, and every local reference once", () => {
    const doc = {
      a: { $ref: "#/b" },
      b: { $ref: "#/c" },
      c: { $ref: "#/b" },
      d: { x: { $ref: "#/a" }, y: { $ref: "#/a" }, z: { $ref: "other.yaml#/a" } },
    };
    expect(refLoop(doc, "#/a")).toEqual(["#/b", "#/c"]);
    expect(refLoop({ a: { $ref: "#/b" }, b: {} }, "#/a")).toBeUndefined();
    expect([...localRefs(doc)]).toEqual(["#/b", "#/c", "#/a"]);
  });
});
