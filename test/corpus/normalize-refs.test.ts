import { describe, expect, it } from "vitest";
import { normalizeRefs } from "../../src/load/normalize-refs.js";

/** Spellings found in real specs that load rewrites before anything else reads the document. */
const doc = (paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) => ({
  openapi: "3.0.3",
  paths,
  components: { schemas },
});
const texts = (d: unknown) => [JSON.stringify(d)];

describe("normalizeRefs", () => {
  it("turns discriminator mappings by schema name into references, and leaves the rest", () => {
    const schema = {
      oneOf: [],
      discriminator: {
        propertyName: "kind",
        mapping: { cat: "Cat", dog: "Dogg", fish: "#/components/schemas/Fish", bird: "birds.yaml#/Bird" },
      },
    };
    const d = doc(
      { "/p": { post: { requestBody: { content: { "application/json": { schema } } } } } },
      { Cat: {}, Fish: {} },
    );
    normalizeRefs(d, texts(d));
    expect(schema.discriminator.mapping).toEqual({
      cat: "#/components/schemas/Cat",
      dog: "Dogg",
      fish: "#/components/schemas/Fish",
      bird: "birds.yaml#/Bird",
    });
  });

  it("replaces a $ref into #/paths with a copy of its target, keeping sibling keys", () => {
    const target = { type: "object", properties: { id: { $ref: "#/components/schemas/Id" } } };
    const d = doc(
      {
        "/a": { post: { requestBody: { content: { "application/json": { schema: target } } } } },
        "/b": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: { $ref: "#/paths/~1a/post/requestBody/content/application~1json/schema", description: "b" },
                  },
                },
              },
            },
          },
        },
      },
      { Id: { type: "string" } },
    );
    normalizeRefs(d, texts(d));
    const schema = (d.paths["/b"] as any).get.responses["200"].content["application/json"].schema;
    expect(schema).toEqual({ ...target, description: "b" });
    expect(schema).not.toBe(target);
  });

  it("stops at a path $ref that refers back to itself, and leaves unresolvable ones for the check", () => {
    const self = {
      type: "object",
      properties: { next: { $ref: "#/paths/~1a/get/responses/200/content/application~1json/schema" } },
    };
    const d = doc({
      "/a": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: self } } } } } },
      "/b": { get: { responses: { "200": { $ref: "#/paths/~1nowhere" } } } },
    });
    normalizeRefs(d, texts(d));
    const inner = (self.properties.next as any).properties.next;
    expect(inner).toEqual({ $ref: "#/paths/~1a/get/responses/200/content/application~1json/schema" });
    expect((d.paths["/b"] as any).get.responses["200"]).toEqual({ $ref: "#/paths/~1nowhere" });
  });
});
