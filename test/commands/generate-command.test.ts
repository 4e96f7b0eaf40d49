import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runClientgen as clientgen } from "../helpers/run-cli.js";
import { fixture } from "../helpers/generate.js";
import { tscErrors } from "../helpers/tsc.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("clientgen generate", () => {
  it("--spec FILE --out DIR writes a package; a second run changes nothing", async () => {
    const out = join(work, "pets");
    const first = await clientgen([
      "generate",
      "--spec",
      fixture("specs", "minimal.yaml"),
      "--out",
      out,
      "--name",
      "Pets",
    ]);
    expect(first.code).toBe(0);
    expect(readFileSync(join(out, "src", "index.ts"), "utf8")).toContain("export class Pets extends PetsCore");
    const second = await clientgen([
      "generate",
      "--spec",
      fixture("specs", "minimal.yaml"),
      "--out",
      out,
      "--name",
      "Pets",
    ]);
    expect(second.stderr).toMatch(/pets\s+4 operations\s+skipped\s.*inputs unchanged/);
  });

  it("bad input: exit 1, a located diagnostic with a hint, no stack trace, nothing written", async () => {
    const out = join(work, "broken");
    const result = await clientgen([
      "generate",
      "--spec",
      fixture("specs", "broken", "ref-unresolved.yaml"),
      "--out",
      out,
    ]);
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

  it("when one provider fails, a new package already begun for another is not left behind", async () => {
    const specs = join(work, "half-specs");
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "a-good", "openapi.yaml"));
    cpSync(fixture("specs", "broken", "ref-unresolved.yaml"), join(specs, "b-broken", "openapi.yaml"));
    const outDir = join(work, "half-out");
    const result = await clientgen(["generate", "--specs", specs, "--out-dir", outDir], work);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a-good\s+4 operations\s+not written\s.*another provider failed/);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
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

  it("usage errors exit 2 with one line", async () => {
    const result = await clientgen(["generate", "--spec", "x.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("clientgen: --spec needs --out DIR (where the package goes)\n");
  });

  it("--spec given a folder uses the openapi.yaml in it", async () => {
    const folder = join(work, "folder-spec");
    cpSync(fixture("specs", "minimal.yaml"), join(folder, "openapi.yaml"));
    const out = join(work, "from-folder");
    expect((await clientgen(["generate", "--spec", folder, "--out", out])).code).toBe(0);
    expect(existsSync(join(out, "src", "index.ts"))).toBe(true);
    const empty = await clientgen(["generate", "--spec", work, "--out", out]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/is a folder without openapi\.yaml/);
  });

  it("--layout sources writes only the TypeScript sources, and they compile on their own", async () => {
    const out = join(work, "sources");
    const result = await clientgen([
      "generate",
      "--layout",
      "sources",
      "--spec",
      fixture("specs", "minimal.yaml"),
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    const files = readdirSync(out, { recursive: true, encoding: "utf8" });
    expect(files).toEqual(
      expect.arrayContaining(["index.ts", "builder.ts", "types.ts", "models.ts", join("runtime", "core.ts")]),
    );
    expect(files.filter((f) => !f.endsWith(".ts") && !statSync(join(out, f)).isDirectory()).sort()).toEqual([
      ".clientgen-inputs.json",
      ".clientgen-manifest.json",
      ".gitignore",
    ]);
    const options = [
      "--strict",
      "--noEmit",
      "--target",
      "es2022",
      "--module",
      "nodenext",
      "--lib",
      "es2022,dom,dom.iterable",
      "--types",
      "",
      "--skipLibCheck",
      "--ignoreConfig",
    ];
    expect(await tscErrors(...options, join(out, "index.ts"), join(out, "builder.ts"))).toBe("");
    expect(
      (await clientgen(["generate", "--layout", "tree", "--spec", fixture("specs", "minimal.yaml"), "--out", out]))
        .stderr,
    ).toMatch(/--layout must be package or sources/);
  });

  it("a package's build outputs are not stale, survive regeneration, and its .gitignore leaves them out", async () => {
    const specs = join(work, "unmanaged-specs");
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "pets", "openapi.yaml"));
    const outDir = join(work, "unmanaged-out");
    await clientgen(["generate", "--specs", specs, "--out-dir", outDir], work);
    const pkg = join(outDir, "pets");
    const built = [
      join(pkg, "dist", "index.js"),
      join(pkg, "node_modules", "typescript", "package.json"),
      join(pkg, "pets-client-1.0.0.tgz"),
    ];
    for (const file of built) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, "built\n");
    }
    expect((await clientgen(["generate", "--check", "--specs", specs, "--out-dir", outDir], work)).code).toBe(0);
    writeFileSync(
      join(specs, "pets", "openapi.yaml"),
      readFileSync(join(specs, "pets", "openapi.yaml"), "utf8").replace(/title: .*/, "title: Pets Renamed"),
    );
    const regenerated = await clientgen(["generate", "--specs", specs, "--out-dir", outDir], work);
    expect(regenerated.stderr).toMatch(/pets\s+\d+ operations\s+written/);
    expect(built.filter((file) => !existsSync(file))).toEqual([]);
    expect(readFileSync(join(pkg, ".gitignore"), "utf8").split("\n")).toEqual(
      expect.arrayContaining(["dist/", "node_modules/", "*.tgz"]),
    );
  });

  it("--layout sources in a repository: the sources, their .gitignore and the manifest are committed, the input stamp is not, and a stray dist/ is refused, not removed", async () => {
    const repo = join(work, "sources-repo");
    const out = join(repo, "src", "api");
    const generate = (...more: string[]) =>
      clientgen(
        ["generate", "--layout", "sources", "--spec", fixture("specs", "minimal.yaml"), "--out", out, ...more],
        repo,
      );
    mkdirSync(repo);
    execFileSync("git", ["init", "-q"], { cwd: repo });
    expect((await generate()).code).toBe(0);
    const untracked = execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], {
      cwd: repo,
      encoding: "utf8",
    })
      .split("\n")
      .filter(Boolean)
      .map((l) => l.slice(3));
    expect(untracked).toContain("src/api/.gitignore");
    expect(untracked).toContain("src/api/index.ts");
    expect(untracked.filter((f) => f.includes(".clientgen"))).toEqual(["src/api/.clientgen-manifest.json"]);
    expect(existsSync(join(out, ".clientgen-inputs.json"))).toBe(true);
    expect((await generate()).stderr).toMatch(/api\s+4 operations\s+skipped/);

    // --check trusts the files, not the stamp: a fresh clone (no stamp) is up to date.
    rmSync(join(out, ".clientgen-inputs.json"));
    expect((await generate("--check")).code).toBe(0);
    // A package's build outputs mean nothing in a sources folder: a dist/ there is not clientgen's, so
    // --check and generate refuse the folder naming it, and nothing deletes it.
    mkdirSync(join(out, "dist"));
    writeFileSync(join(out, "dist", "index.js"), "built\n");
    const stale = await generate("--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /error\[out-not-generated\] output folder src\/api holds files clientgen did not write: dist\//,
    );
    const refused = await generate();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/api\s+4 operations\s+refused/);
    expect(readFileSync(join(out, "dist", "index.js"), "utf8")).toBe("built\n");
    expect((await generate("--force")).code).toBe(0);
    expect(readFileSync(join(out, "dist", "index.js"), "utf8")).toBe("built\n");
    expect((await generate("--check", "--force")).code).toBe(0);
  });
});
