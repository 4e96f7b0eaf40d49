import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hoistDefinitions } from "../../src/load/hoist-definitions.js";
import { loadSpec } from "../../src/load/load-spec.js";
import { fixture, generateFrom, generateIntoTemp, projectRoot } from "../helpers/generate.js";
import { tscErrors } from "../helpers/tsc.js";

const spec = fixture("specs", "schema-definitions.yaml");

describe("hoistDefinitions", () => {
  it("moves $defs and definitions (nested too) to named schemas and repoints every $ref, tails kept", () => {
    const data = {
      paths: { "/a": { get: { parameters: [{ schema: { $ref: "#/components/schemas/A/definitions/id" } }] } } },
      components: {
        schemas: {
          A: {
            type: "object",
            properties: {
              id: { $ref: "#/components/schemas/A/definitions/id" },
              deep: { $ref: "#/components/schemas/A/$defs/b/$defs/c" },
              part: { $ref: "#/components/schemas/A/$defs/b/properties/x" },
            },
            definitions: { id: { type: "string" } },
            $defs: { b: { type: "object", properties: { x: { type: "integer" } }, $defs: { c: { type: "boolean" } } } },
          },
          A_id: { type: "number" },
        },
      },
    };
    const moved = hoistDefinitions(data);
    expect([...moved.keys()]).toEqual(["A_id2", "A_b", "A_b_c"]);
    expect(moved.get("A_b_c")).toEqual(["components", "schemas", "A", "$defs", "b", "$defs", "c"]);
    const schemas = data.components.schemas as Record<string, any>;
    expect(schemas.A.definitions).toBeUndefined();
    expect(schemas.A.$defs).toBeUndefined();
    expect(schemas.A_b.$defs).toBeUndefined();
    expect(schemas.A_id).toEqual({ type: "number" });
    expect(schemas.A.properties).toEqual({
      id: { $ref: "#/components/schemas/A_id2" },
      deep: { $ref: "#/components/schemas/A_b_c" },
      part: { $ref: "#/components/schemas/A_b/properties/x" },
    });
    expect(data.paths["/a"].get.parameters[0]!.schema.$ref).toBe("#/components/schemas/A_id2");
  });

  it("leaves a spec without them as it was", () => {
    const data = { components: { schemas: { A: { type: "string" } } } };
    expect(hoistDefinitions(data).size).toBe(0);
    expect(data).toEqual({ components: { schemas: { A: { type: "string" } } } });
  });
});

describe("a spec whose schemas refer into their own definitions", () => {
  it("points a finding in a moved schema at the place it is written", () => {
    const { spec: loaded } = loadSpec(spec, projectRoot);
    const d = loaded!.diagnostic(["components", "schemas", "Account_owner_limits"], {
      severity: "warning",
      rule: "t",
      message: "m",
    });
    expect(d.location).toMatchObject({ line: 42, column: 13 });
  });

  it("gives each one a named type, and the package type-checks", { timeout: 60_000 }, async () => {
    const result = await generateFrom(spec);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const types = result.files!.get("src/types.ts")!;
    expect(types).not.toMatch(/\["(definitions|\$defs)"\]/);
    expect(types).toMatch(/accountId: components\["schemas"\]\["Account_accountId"\]/);
    const models = result.files!.get("src/models.ts")!;
    expect(models).toContain('export type AccountOwnerLimits = components["schemas"]["Account_owner_limits"];');
    const dir = await generateIntoTemp(spec, "accounts");
    try {
      expect(await tscErrors("-p", join(dir, "tsconfig.json"))).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
