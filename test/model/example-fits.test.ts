import { describe, expect, it } from "vitest";
import { exampleFits } from "../../src/model/example-fits.js";
import { exampleValue } from "../../src/model/example-value.js";

const root = {
  components: {
    schemas: {
      Tag: {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, color: { type: "string", enum: ["red", "blue"] } },
      },
      Open: { type: "object", additionalProperties: true, properties: { a: { type: "integer" } } },
      Pet: {
        allOf: [{ $ref: "#/components/schemas/Tag" }, { type: "object", properties: { age: { type: "integer" } } }],
      },
      Pattern: {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, flags: { type: "string", default: "g" } },
      },
      Campaign: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          alerts: { type: "array", items: { type: "integer" } },
          other: { type: "string" },
        },
        oneOf: [{ required: ["alerts"] }, { required: ["other"] }],
      },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("exampleFits: does a spec's example have its schema's shape, as the generated types see it", () => {
  it.each([
    ["a complete object", ref("Tag"), { name: "x", color: "red" }, true],
    ["a missing required property", ref("Tag"), { color: "red" }, false],
    ["a property the schema does not list", ref("Tag"), { name: "x", id: 1 }, false],
    ["an extra property where additionalProperties opens the object", ref("Open"), { a: 1, b: 2 }, true],
    ["a value outside the enum", ref("Tag"), { name: "x", color: "green" }, false],
    ["a string where an integer is declared", { type: "array", items: { type: "integer" } }, ["1296269"], false],
    ["integers", { type: "array", items: { type: "integer" } }, [1296269], true],
    ["a fraction where an integer is declared", { type: "integer" }, 1.5, false],
    ["allOf: properties of every part, required of every part", ref("Pet"), { name: "x", age: 2 }, true],
    ["allOf: required of a part missing", ref("Pet"), { age: 2 }, false],
    [
      "a property with a default is optional in the types (a request may leave it out)",
      ref("Pattern"),
      { name: "x" },
      true,
    ],
    ["null where nullable", { type: ["string", "null"] }, null, true],
    ["null where not nullable", { type: "string" }, null, false],
    ["oneOf: one variant fits", { oneOf: [{ type: "string" }, { type: "integer" }] }, 3, true],
    ["oneOf: none fits", { oneOf: [{ type: "string" }, { type: "integer" }] }, true, false],
  ])("%s", (_name, schema, value, fits) => {
    expect(exampleFits(root, schema, value)).toBe(fits);
  });
});

describe("exampleValue: a value built from the schema fits it", () => {
  it.each(["Tag", "Pet", "Pattern", "Campaign"])("%s", (name) => {
    const value = exampleValue(root, ref(name));
    expect(exampleFits(root, ref(name), value)).toBe(true);
  });

  it("skips a schema's own example that does not fit, and keeps one that does", () => {
    expect(
      exampleValue(root, {
        type: "object",
        required: ["a"],
        properties: { a: { type: "integer" } },
        example: { a: "1" },
      }),
    ).toEqual({ a: 1 });
    expect(
      exampleValue(root, {
        type: "object",
        required: ["a"],
        properties: { a: { type: "integer" } },
        example: { a: 7 },
      }),
    ).toEqual({ a: 7 });
  });

  it("an object with a oneOf of required lists gets the first list's properties too", () => {
    expect(exampleValue(root, ref("Campaign"))).toEqual({ name: "string", alerts: [1] });
  });
});
