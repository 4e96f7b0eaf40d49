import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/generate.js";
import { tsc59Bin, tscErrors, tscErrorsWith } from "./helpers/tsc.js";

const packages = readdirSync(join(projectRoot, "generated"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const scratch = mkdtempSync(join(tmpdir(), "clientgen-typecheck-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Every generated package compiles under its own strict build config with TypeScript 7, the
 * compiler its package.json builds it with (declarations included, so a package that type-checks
 * but could not emit its .d.ts fails here); all of them together with TypeScript 5.9 too, so
 * users still on 5.x stay safe; and src/, test/ and scripts/ with 7 as well.
 */
describe("tsc --strict", () => {
  it.each(packages)("generated/%s type-checks with TypeScript 7", async (name) => {
    expect(await tscErrors("--noEmit", "-p", join("generated", name, "tsconfig.build.json"))).toBe("");
  });

  it("every generated package type-checks with TypeScript 5.9 (one run over all of them)", async () => {
    const own = JSON.parse(
      readFileSync(join(projectRoot, "generated", packages[0]!, "tsconfig.build.json"), "utf8"),
    ) as { compilerOptions: Record<string, unknown> };
    const base = JSON.parse(readFileSync(join(projectRoot, "generated", packages[0]!, "tsconfig.json"), "utf8")) as {
      compilerOptions: Record<string, unknown>;
    };
    const config = join(scratch, "tsconfig.json");
    const include = packages.map((p) =>
      relative(scratch, join(projectRoot, "generated", p, "src"))
        .split("\\")
        .join("/"),
    );
    const { rootDir: _rootDir, outDir: _outDir, ...build } = own.compilerOptions;
    writeFileSync(
      config,
      JSON.stringify({ compilerOptions: { ...base.compilerOptions, ...build, noEmit: true }, include }),
    );
    expect(await tscErrorsWith(tsc59Bin, ["--noEmit", "-p", config])).toBe("");
  });

  // TypeScript 7 here: the 5.9 run took a minute of the suite's CPU on two cores, and the sources
  // still compile against 5.9's own declarations (node_modules/typescript) for the generator's API use.
  it("the generator, its tests (with their @ts-expect-error lines) and scripts type-check", async () => {
    expect(await tscErrors("--noEmit", "-p", "tsconfig.json")).toBe("");
  });
});
