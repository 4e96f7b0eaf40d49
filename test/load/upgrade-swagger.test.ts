import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/load-spec.js";
import { upgradeSwagger2 } from "../../src/load/upgrade-swagger.js";
import { fixture, projectRoot } from "../helpers/generate.js";

/** What the Swagger 2.0 conversion must keep: an operation's own `produces`, formData arrays' items, x-nullable. */
describe("upgradeSwagger2", () => {
  it("converts without losing what the operations say", async () => {
    const { spec } = loadSpec(fixture("specs", "swagger2-produces.yaml"), projectRoot);
    const { spec: converted, diagnostics } = await upgradeSwagger2(spec!);
    expect(diagnostics.map((d) => d.rule)).toEqual(["swagger-converted"]);
    const data = converted.data as any;
    expect(data.openapi).toMatch(/^3\.0\./);
    // No `schemes`: the client gets https, not a scheme-relative URL it could not call.
    expect(data.servers).toEqual([{ url: "https://api.example.com/v1" }]);
    expect(Object.keys(data.paths["/files/{id}"].get.responses["200"].content)).toEqual(["application/octet-stream"]);
    const form = data.paths["/files"].post.requestBody.content["multipart/form-data"].schema.properties;
    expect(form.tags).toMatchObject({ type: "array", items: { type: "string", enum: ["a", "b"] } });
    expect(form.note).toMatchObject({ type: "string", nullable: true });
    expect(Object.keys(data.paths["/files"].post.responses["200"].content)).toEqual(["application/json"]);
  });
});
