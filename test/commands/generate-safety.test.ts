import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readManifest } from "../../src/write/manifest.js";
import { fixture } from "../helpers/generate.js";
import { runClientgen as clientgen } from "../helpers/run-cli.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-safety-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const minimal = fixture("specs", "minimal.yaml");

/** A user's project folder: a spec, their own code, their own package.json and an installed dependency. */
function project(name: string): string {
  const root = join(work, name);
  mkdirSync(join(root, "src"), { recursive: true });
  mkdirSync(join(root, "node_modules", "left-pad"), { recursive: true });
  cpSync(minimal, join(root, "api.yaml"));
  writeFileSync(join(root, "src", "main.ts"), "console.log('mine');\n");
  writeFileSync(join(root, "package.json"), '{ "name": "my-app" }\n');
  writeFileSync(join(root, "node_modules", "left-pad", "index.js"), "module.exports = 1;\n");
  return root;
}

/** Every file under `dir`, relative, with its text: what a refused run must leave exactly as it was. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), "utf8")]));
}

describe("generate never loses a file it did not write", () => {
  it("--out . in a project folder holding the spec: refused, exit 1, nothing written or deleted, even with --force", async () => {
    const root = project("dot");
    const before = snapshot(root);
    for (const extra of [[], ["--force"]]) {
      const result = await clientgen(["generate", "--spec", "api.yaml", "--out", ".", ...extra], root);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/error\[out-holds-input\] output folder \. holds api\.yaml, which this run reads/);
      expect(result.stderr).toMatch(/hint: choose an output folder that neither is nor contains the spec/);
      expect(result.stderr).toMatch(/nothing written/);
      expect(snapshot(root)).toEqual(before);
      expect(readdirSync(work).filter((e) => e.startsWith(".clientgen-"))).toEqual([]);
    }
  });

  it("--out . in a project whose spec lies elsewhere: refused naming the user's files; --force writes beside them in place", async () => {
    const root = project("dot-elsewhere");
    rmSync(join(root, "api.yaml"));
    const before = snapshot(root);
    const refused = await clientgen(["generate", "--spec", minimal, "--out", "."], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /error\[out-not-generated\] output folder \. holds files clientgen did not write: package\.json, src\/\n/,
    );
    expect(refused.stderr).toMatch(
      /pass --force to generate beside them; clientgen never deletes files it did not write/,
    );
    expect(snapshot(root)).toEqual(before);
    // package.json is the user's and clientgen would write its own there: not even --force overwrites it.
    const forced = await clientgen(["generate", "--spec", minimal, "--out", ".", "--force"], root);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(
      /error\[out-would-overwrite\] output folder \. holds package\.json, which clientgen did not write/,
    );
    expect(snapshot(root)).toEqual(before);
  });

  it("--out src --layout sources beside the user's src/main.ts: refused; with --force main.ts stays, and only clientgen's files go", async () => {
    const root = project("sources");
    const args = ["generate", "--spec", "api.yaml", "--out", "src", "--layout", "sources"];
    const refused = await clientgen(args, root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/output folder src holds files clientgen did not write: main\.ts/);
    expect(readdirSync(join(root, "src"))).toEqual(["main.ts"]);

    expect((await clientgen([...args, "--force"], root)).code).toBe(0);
    expect(readFileSync(join(root, "src", "main.ts"), "utf8")).toBe("console.log('mine');\n");
    expect(existsSync(join(root, "src", "index.ts"))).toBe(true);
    const manifest = readManifest(join(root, "src"))!;
    expect(manifest.spec).toBe("../api.yaml");
    expect(manifest.files).toContain("index.ts");
    expect(manifest.files).not.toContain("main.ts");
    // --check judges clientgen's files only, once told the others are meant to be there.
    expect((await clientgen([...args, "--check"], root)).code).toBe(1);
    expect((await clientgen([...args, "--check", "--force"], root)).code).toBe(0);

    // The spec loses its operations' tag: the files made for it go, main.ts and the user's new file stay.
    writeFileSync(join(root, "src", "extra.ts"), "export const mine = 1;\n");
    const gone = manifest.files.filter((f) => f.startsWith("apis/"));
    expect(gone.length).toBeGreaterThan(0);
    writeFileSync(join(root, "api.yaml"), readFileSync(minimal, "utf8").replaceAll("tags: [pets]", "tags: [animals]"));
    expect((await clientgen([...args, "--force"], root)).code).toBe(0);
    for (const file of gone) expect(existsSync(join(root, "src", file)), file).toBe(false);
    expect(readManifest(join(root, "src"))!.files).toContain("apis/animals-api.ts");
    expect(readFileSync(join(root, "src", "main.ts"), "utf8")).toBe("console.log('mine');\n");
    expect(readFileSync(join(root, "src", "extra.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect(readManifest(join(root, "src"))!.files).not.toContain("extra.ts");
  });

  it("--spec api --out api (the spec's own folder) is refused, and so is a folder above the spec", async () => {
    const root = join(work, "own-folder");
    cpSync(minimal, join(root, "api", "openapi.yaml"));
    const before = snapshot(root);
    const own = await clientgen(["generate", "--spec", "api", "--out", "api"], root);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/error\[out-holds-input\] output folder api holds api\/openapi\.yaml/);
    const above = await clientgen(["generate", "--spec", "api", "--out", ".", "--force"], join(root));
    expect(above.code).toBe(1);
    expect(above.stderr).toMatch(/error\[out-holds-input\] output folder \. holds api\/openapi\.yaml/);
    // A symbolic link to the spec's folder is that folder.
    symlinkSync(join(root, "api"), join(root, "link"));
    const linked = await clientgen(["generate", "--spec", "api", "--out", "link", "--force"], root);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toMatch(/error\[out-holds-input\] output folder link holds api\/openapi\.yaml/);
    rmSync(join(root, "link"));
    expect(snapshot(root)).toEqual(before);
  });

  it("a folder holding a file the spec $refs, or clientgen.yaml, is refused even with --force", async () => {
    const root = join(work, "refs");
    cpSync(fixture("specs", "multi-file"), join(root, "spec"), { recursive: true });
    mkdirSync(join(root, "shared"));
    for (const part of ["parts.yaml", "owner.yaml"]) cpSync(join(root, "spec", part), join(root, "shared", part));
    for (const part of ["parts.yaml", "owner.yaml"]) rmSync(join(root, "spec", part));
    const specPath = join(root, "spec", "openapi.yaml");
    writeFileSync(specPath, readFileSync(specPath, "utf8").replaceAll("./parts.yaml", "../shared/parts.yaml"));
    const refs = await clientgen(["generate", "--spec", "spec/openapi.yaml", "--out", "shared", "--force"], root);
    expect(refs.code).toBe(1);
    expect(refs.stderr).toMatch(
      /output folder shared holds shared\/owner\.yaml, shared\/parts\.yaml, which this run reads/,
    );
    writeFileSync(join(root, "spec", "clientgen.yaml"), "name: Things\n");
    const config = await clientgen(["generate", "--spec", "spec/openapi.yaml", "--out", "spec", "--force"], root);
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(
      /output folder spec holds spec\/clientgen\.yaml, spec\/openapi\.yaml, which this run reads/,
    );
    expect(readdirSync(join(root, "spec")).sort()).toEqual(["clientgen.yaml", "openapi.yaml"]);
    expect(readFileSync(join(root, "shared", "parts.yaml"), "utf8")).toBe(
      readFileSync(fixture("specs", "multi-file", "parts.yaml"), "utf8"),
    );
  });

  it("another provider's package is refused; --force replaces it and keeps the files clientgen did not write", async () => {
    const specs = join(work, "providers");
    cpSync(minimal, join(specs, "pets", "openapi.yaml"));
    cpSync(fixture("specs", "multi-file"), join(specs, "things"), { recursive: true });
    const out = join(work, "providers-out");
    expect((await clientgen(["generate", "--specs", specs, "--out-dir", out], work)).code).toBe(0);
    const pets = join(out, "pets");
    const before = snapshot(pets);
    const other = await clientgen(["generate", "--spec", join(specs, "things"), "--out", pets], work);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /error\[out-other-package\] output folder providers-out\/pets holds the package generated from providers\/pets\/openapi\.yaml, not from providers\/things\/openapi\.yaml/,
    );
    expect(snapshot(pets)).toEqual(before);

    writeFileSync(join(pets, "NOTES.md"), "my notes\n");
    const forced = await clientgen(["generate", "--spec", join(specs, "things"), "--out", pets, "--force"], work);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(pets, "NOTES.md"), "utf8")).toBe("my notes\n");
    expect(readManifest(pets)!.spec).toBe("../../providers/things/openapi.yaml");
    expect(readFileSync(join(pets, "src", "index.ts"), "utf8")).toMatch(
      /^\/\/ Generated by clientgen from providers\/things/,
    );
  });

  it("a package written before manifests (its stamp, or no record at all) regenerates without --force", async () => {
    const specs = join(work, "older");
    cpSync(minimal, join(specs, "pets", "openapi.yaml"));
    const out = join(work, "older-out");
    const generate = (...extra: string[]) =>
      clientgen(["generate", "--specs", specs, "--out-dir", out, ...extra], work);
    expect((await generate()).code).toBe(0);
    const pets = join(out, "pets");
    // An older clientgen's output: the stamp lists what it wrote; no manifest. A stale leftover it listed goes.
    rmSync(join(pets, ".clientgen-manifest.json"));
    const stamp = JSON.parse(readFileSync(join(pets, ".clientgen-inputs.json"), "utf8"));
    stamp.generator = "older";
    stamp.outputs["docs/Gone.md"] = [1, 1];
    writeFileSync(join(pets, ".clientgen-inputs.json"), JSON.stringify(stamp));
    writeFileSync(join(pets, "docs", "Gone.md"), "x");
    const fromStamp = await generate();
    expect(fromStamp.code).toBe(0);
    expect(existsSync(join(pets, "docs", "Gone.md"))).toBe(false);
    // Cloned without stamp or manifest: recognised by its banners, a hand-edited runtime file repaired.
    rmSync(join(pets, ".clientgen-manifest.json"));
    rmSync(join(pets, ".clientgen-inputs.json"));
    writeFileSync(join(pets, "src", "runtime", "retry.ts"), "// edited\n");
    const cloned = await generate();
    expect(cloned.code).toBe(0);
    expect(cloned.stderr).toMatch(/pets\s+4 operations\s+written\s.*1 changed/);
    expect(readManifest(pets)!.files).toContain("src/runtime/retry.ts");
    expect((await generate("--check")).code).toBe(0);
  });

  it("--check on a folder generate would refuse reports the refusal and exits 1", async () => {
    const root = project("check");
    const result = await clientgen(["generate", "--check", "--spec", minimal, "--out", "src"], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /error\[out-not-generated\] output folder src holds files clientgen did not write: main\.ts/,
    );
    expect(result.stderr).toMatch(/nothing compared/);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it("many files are named a few at a time", async () => {
    const root = join(work, "many");
    mkdirSync(join(root, "out", "lib"), { recursive: true });
    for (let i = 0; i < 8; i++) writeFileSync(join(root, "out", `note${i}.txt`), "x");
    writeFileSync(join(root, "out", "lib", "a.js"), "x");
    const result = await clientgen(["generate", "--spec", minimal, "--out", "out"], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /holds files clientgen did not write: lib\/, note0\.txt, note1\.txt, note2\.txt, note3\.txt and 4 more\n/,
    );
  });
});
