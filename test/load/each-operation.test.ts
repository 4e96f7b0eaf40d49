import { describe, expect, it } from "vitest";
import { eachOperation } from "../../src/load/each-operation.js";
import { fixture, generateFrom } from "../helpers/generate.js";

const ok = { responses: { "200": { description: "ok" } } };

describe("eachOperation", () => {
  it("walks paths as written and methods in OpenAPI's order, following a path item's $ref", () => {
    const root = {
      paths: {
        "/b": { post: ok, get: { ...ok, operationId: "listB" }, parameters: [] },
        "/a": { $ref: "#/components/pathItems/A" },
        "/broken": { $ref: "#/nowhere" },
      },
      components: { pathItems: { A: { delete: ok, summary: "not an operation" } } },
    };
    expect([...eachOperation(root)].map((o) => [o.key, o.pointer])).toEqual([
      ["listB", ["paths", "/b", "get"]],
      ["POST /b", ["paths", "/b", "post"]],
      ["DELETE /a", ["paths", "/a", "delete"]],
    ]);
  });

  it("keys an operation with a blank operationId by its method and path", () => {
    const root = { paths: { "/x": { get: { ...ok, operationId: "  " } } } };
    expect([...eachOperation(root)].map((o) => o.key)).toEqual(["GET /x"]);
  });

  it("gives the check and the model one key: clientgen.yaml may name such an operation 'GET /path'", async () => {
    const result = await generateFrom(fixture("specs", "blank-operation-id", "openapi.yaml"));
    expect(result.diagnostics).toEqual([]);
    expect([...result.files!.values()].some((text) => text.includes("  everything(options?: RequestOptions)"))).toBe(
      true,
    );
  });
});
