import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, projectRoot } from "../helpers/generate.js";
import { runClientgen as clientgen } from "../helpers/run-cli.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("clientgen generate", () => {
  it("--spec FILE --out DIR writes a package; a second run changes nothing", async () => {
    const out = join(work, "pets");
    const first = await clientgen(["generate", "--spec", fixture("specs", "minimal.yaml"), "--out", out, "--name", "Pets"]);
    expect(first.code).toBe(0);
    expect(readFileSync(join(out, "src", "index.ts"), "utf8")).toContain("export class Pets extends PetsCore");
    const second = await clientgen(["generate", "--spec", fixture("specs", "minimal.yaml"), "--out", out, "--name", "Pets"]);
    expect(second.stderr).toMatch(/unchanged/);
  });

  it("bad input: exit 1, a located diagnostic with a hint, no stack trace, nothing written", async () => {
    const out = join(work, "broken");
    const result = await clientgen(["generate", "--spec", fixture("specs", "broken", "ref-unresolved.yaml"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ref-unresolved\.yaml:17:17 error\[ref-unresolved\]/);
    expect(result.stderr).toMatch(/hint:/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(existsSync(out)).toBe(false);
  });

  it("bad input keeps the previous output untouched", async () => {
    const specs = join(work, "keep-specs");
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "pets", "openapi.yaml"));
    const outDir = join(work, "keep-out");
    expect((await clientgen(["generate", "--specs", specs, "--out-dir", outDir], work)).code).toBe(0);
    const before = readFileSync(join(outDir, "pets", "src", "models.ts"), "utf8");
    writeFileSync(join(specs, "pets", "openapi.yaml"), "openapi: 3.1.0\ninfo: [\n");
    const result = await clientgen(["generate", "--specs", specs, "--out-dir", outDir], work);
    expect(result.code).toBe(1);
    expect(readFileSync(join(outDir, "pets", "src", "models.ts"), "utf8")).toBe(before);
  });

  it("--check exits 1 and lists stale files, 0 when up to date", async () => {
    const specs = join(work, "check-specs");
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "pets", "openapi.yaml"));
    const outDir = join(work, "check-out");
    const stale = await clientgen(["generate", "--check", "--specs", specs, "--out-dir", outDir], work);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/stale: check-out\/pets\/src\/index\.ts \(missing\)/);
    expect(existsSync(outDir)).toBe(false);
    await clientgen(["generate", "--specs", specs, "--out-dir", outDir], work);
    writeFileSync(join(outDir, "pets", "src", "index.ts"), "// edited by hand\n");
    const edited = await clientgen(["generate", "--check", "--specs", specs, "--out-dir", outDir], work);
    expect(edited.stdout).toMatch(/stale: check-out\/pets\/src\/index\.ts \(differs\)/);
    await clientgen(["generate", "--specs", specs, "--out-dir", outDir], work);
    expect((await clientgen(["generate", "--check", "--specs", specs, "--out-dir", outDir], work)).code).toBe(0);
  });

  it("the project's own generated/ is up to date (what CI's --check enforces)", async () => {
    const result = await clientgen(["generate", "--check"]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("usage errors exit 2 with the usage text", async () => {
    const result = await clientgen(["generate", "--spec", "x.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--spec needs --out/);
    expect(result.stderr).toMatch(/Usage:/);
  });
});
