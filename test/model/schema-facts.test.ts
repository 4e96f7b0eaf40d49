import { describe, expect, it } from "vitest";
import { objectFields, schemaFacts } from "../../src/model/schema-facts.js";

const root = {
  components: {
    schemas: {
      Flag: { type: "boolean", default: false },
      Language: { type: "string", enum: ["en", "es"] },
      Wrapped: { allOf: [{ $ref: "#/components/schemas/Language" }] },
      Base: {
        type: "object",
        properties: { flag: { allOf: [{ $ref: "#/components/schemas/Flag" }], description: "Skip it." } },
      },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("schemaFacts through allOf", () => {
  const cases: [string, unknown, Record<string, unknown>][] = [
    [
      "a referenced boolean with a description beside it",
      { allOf: [ref("Flag")], description: "d" },
      { type: "boolean", default: false, description: "d" },
    ],
    ["a referenced enum, through a nested allOf", { allOf: [ref("Wrapped")] }, { type: "string", enum: ["en", "es"] }],
    ["own keys winning over a part's", { allOf: [ref("Flag")], default: true }, { type: "boolean", default: true }],
    ["a part's nullable", { allOf: [{ type: "integer", nullable: true }] }, { type: "integer", nullable: true }],
  ];
  it.each(cases)("%s", (_, schema, expected) => {
    expect(schemaFacts(root, schema)).toMatchObject(expected);
  });

  it("gives no type when no part has one", () => {
    expect(schemaFacts(root, { allOf: [{ description: "x" }] }).type).toBeUndefined();
  });

  it("types the fields of a body built from a referenced base and inline properties", () => {
    const fields = objectFields(root, {
      allOf: [ref("Base"), { properties: { n: { allOf: [{ type: "integer" }] } } }],
    });
    expect(fields?.map((f) => [f.name, f.schema.type, f.description])).toEqual([
      ["flag", "boolean", "Skip it."],
      ["n", "integer", undefined],
    ]);
  });
});
