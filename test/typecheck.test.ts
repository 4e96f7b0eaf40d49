import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/generate.js";
import { tscErrors } from "./helpers/tsc.js";

const typecheck = (project: string): Promise<string> => tscErrors("--noEmit", "-p", project);

/**
 * Every generated package compiles under its own strict build config (declarations included, so a
 * package that type-checks but could not emit its .d.ts fails here), and so do src/, test/ and scripts/.
 */
describe("tsc --strict", () => {
  const packages = readdirSync(join(projectRoot, "generated"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it.each(packages)("generated/%s type-checks", async (name) => {
    expect(await typecheck(join("generated", name, "tsconfig.build.json"))).toBe("");
  });

  it("the generator, its tests (with their @ts-expect-error lines) and scripts type-check", async () => {
    expect(await typecheck("tsconfig.json")).toBe("");
  });
});
