import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { runClientgen as clientgen } from "../helpers/run-cli.js";
import { fixture } from "../helpers/generate.js";
import { tscErrors } from "../helpers/tsc.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-init-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `clientgen init`: a provider folder that generates at once, from a starter or from the user's spec. */
describe("clientgen init", () => {
  it("scaffolds a commented starter and clientgen.yaml, generates a package that type-checks, with no warnings", async () => {
    const result = await clientgen(["init", "shop"], work);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/warning/);
    expect(result.stderr).toMatch(/shop\s+3 operations\s+written/);
    // Next steps name the files to edit and commands that work as printed (generate is run below).
    const steps = result.stderr.slice(result.stderr.indexOf("Next steps:"));
    expect(steps).toMatch(/Edit specs\/shop\/openapi\.yaml \(your API\) and specs\/shop\/clientgen\.yaml/);
    expect(steps).toContain("npx clientgen lint shop\n");
    expect(steps).toContain("npx clientgen generate shop ");
    expect(steps).toContain("generated/shop/README.md");
    const config = readFileSync(join(work, "specs", "shop", "clientgen.yaml"), "utf8");
    expect(parse(config)).toBeNull();
    for (const key of [
      "name",
      "packageName",
      "credentials",
      "clientParams",
      "envelope",
      "idempotencyHeader",
      "operations",
      "pagination",
    ])
      expect(config).toMatch(new RegExp(`^#\\s+${key}:`, "m"));
    expect(config).toMatch(/# {3}bearerAuth: \{ scheme: "bearerAuth", env: SHOP_BEARER_AUTH/);
    expect(readFileSync(join(work, "specs", "shop", "openapi.yaml"), "utf8")).toMatch(/^# /);
    expect(await tscErrors("--noEmit", "-p", join(work, "generated", "shop", "tsconfig.build.json"))).toBe("");
    expect((await clientgen(["generate", "shop"], work)).stderr).toMatch(/shop\s+3 operations\s+skipped/);
  });

  it("--from FILE copies the spec with the files its $refs reach, and names the spec's schemes and operations in clientgen.yaml", async () => {
    const result = await clientgen(["init", "split", "--from", fixture("specs", "multi-file", "openapi.yaml")], work);
    expect(result.code).toBe(0);
    expect(readdirSync(join(work, "specs", "split")).sort()).toEqual([
      "clientgen.yaml",
      "openapi.yaml",
      "owner.yaml",
      "parts.yaml",
    ]);
    expect(readFileSync(join(work, "specs", "split", "openapi.yaml"), "utf8")).toBe(
      readFileSync(fixture("specs", "multi-file", "openapi.yaml"), "utf8"),
    );
    expect(readFileSync(join(work, "specs", "split", "clientgen.yaml"), "utf8")).toMatch(/^# {3}"getThing":$/m);
    expect(result.stderr).toMatch(/split\s+1 operation\s+written/);
    expect(result.stderr).toContain("Next steps:");
  });

  it("refuses an existing provider and a broken --from spec, writing nothing", async () => {
    const again = await clientgen(["init", "shop"], work);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/specs\/shop\/ already exists/);
    const broken = await clientgen(["init", "bad", "--from", fixture("specs", "broken", "yaml-syntax.yaml")], work);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/yaml-syntax\.yaml:\d+:\d+ error\[/);
    expect(readdirSync(join(work, "specs")).sort()).toEqual(["shop", "split"]);
    expect((await clientgen(["init", "Bad Name"], work)).code).toBe(2);
    expect(again.stderr).not.toContain("Next steps:");
  });

  it("passes --specs and --out-dir on to the commands it suggests, and says nothing more with --quiet", async () => {
    const result = await clientgen(["init", "elsewhere", "--specs", "apis", "--out-dir", "clients"], work);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("npx clientgen lint elsewhere --specs apis\n");
    expect(result.stderr).toContain("npx clientgen generate elsewhere --specs apis --out-dir clients ");
    expect(result.stderr).toContain("clients/elsewhere/README.md");
    const quiet = await clientgen(["init", "hushed", "--quiet"], work);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain("Next steps");
  });
});
