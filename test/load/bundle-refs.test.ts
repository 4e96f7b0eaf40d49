import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/load-spec.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { fixture, generateFrom, generateIntoTemp, projectRoot } from "../helpers/generate.js";
import { tscErrors } from "../helpers/tsc.js";

const recursiveSpec = fixture("specs", "multi-file-recursive", "openapi.yaml");

describe("bundling a spec split across files", () => {
  it("hoists a schema that contains itself through another file into one named component", () => {
    const { spec, errors } = loadSpec(recursiveSpec, projectRoot);
    expect(errors).toEqual([]);
    const schemas = (spec!.data.components as { schemas: Record<string, unknown> }).schemas;
    // Agent is reached by three paths and through team.yaml; Team itself is not recursive on its own.
    expect(Object.keys(schemas).filter((n) => /^Agent/.test(n))).toEqual(["Agent"]);
    expect(schemas.Agent).toMatchObject({
      properties: {
        team: { properties: { lead: { $ref: "#/components/schemas/Agent" } } },
        child_agents: { items: { $ref: "#/components/schemas/Agent" } },
      },
    });
    const text = JSON.stringify(spec!.data.paths);
    expect(text.match(/#\/components\/schemas\/Agent/g)?.length).toBe(3);
  });

  it("gives a discriminator mapping in another file named schemas that its oneOf shares", () => {
    const { spec } = loadSpec(recursiveSpec, projectRoot);
    const body = (spec!.data.paths as any)["/agents/{id}/actions"].post.requestBody.content["application/json"].schema;
    expect(body.discriminator.mapping).toEqual({
      assign: "#/components/schemas/assign",
      unassign: "#/components/schemas/unassign",
    });
    expect(body.oneOf).toEqual([{ $ref: "#/components/schemas/assign" }, { $ref: "#/components/schemas/unassign" }]);
  });

  it("points a finding in a hoisted schema at the file that defines it", () => {
    const { spec } = loadSpec(recursiveSpec, projectRoot);
    const d = spec!.diagnostic(["components", "schemas", "Agent", "properties", "child_agents"], {
      severity: "warning",
      rule: "test",
      message: "here",
    });
    expect(d.location).toMatchObject({ line: 7 });
    expect(d.location!.file).toMatch(/multi-file-recursive\/models\.yaml$/);
  });

  it("reports a broken $ref in a file that several operations inline once", async () => {
    const result = await generateFrom(fixture("specs", "broken", "shared-ref-unresolved", "openapi.yaml"));
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.rule)).toEqual(["ref-unresolved"]);
    expect(formatDiagnostic(errors[0]!, { color: false })).toMatch(/shared\.yaml:5:17 error\[ref-unresolved\]/);
  });

  it("generates a package that type-checks, with each warning said once", { timeout: 60_000 }, async () => {
    const result = await generateFrom(recursiveSpec);
    const said = result.diagnostics.map((d) => formatDiagnostic(d, { color: false }));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(new Set(said).size).toBe(said.length);
    expect(result.files!.get("src/models.ts")).toContain('export type Agent = components["schemas"]["Agent"];');
    const dir = await generateIntoTemp(recursiveSpec, "agents");
    try {
      expect(await tscErrors("-p", join(dir, "tsconfig.json"))).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
