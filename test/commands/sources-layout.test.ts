/**
 * `--layout sources` compiles inside the project around it, whatever its compiler settings: a Node-only
 * lib (`lib: ["ES2022"], types: ["node"]`, no DOM type names), DOM libs (with TypeScript 5.9's DOM
 * without DOM.Iterable too), CommonJS or ESM; the command line comes only with `--with-cli`.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, projectRoot } from "../helpers/generate.js";
import { runClientgen as clientgen } from "../helpers/run-cli.js";
import { tsc59Bin, tscBin } from "../helpers/tsc.js";

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "clientgen-sources-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Project {
  type: "commonjs" | "module";
  lib: string[];
  types: string[];
  withCli?: boolean;
}

/** A project of `type` whose src/api holds the sources of minimal.yaml, and its tsconfig.json. */
async function project(name: string, p: Project): Promise<string> {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify({ name, private: true, type: p.type }));
  const compilerOptions = {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: p.lib,
    types: p.types,
    typeRoots: [join(projectRoot, "node_modules", "@types")],
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
  };
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src"] }));
  const args = ["generate", "--layout", "sources", "--spec", fixture("specs", "faults.yaml"), "--out", "src/api"];
  const result = await clientgen(p.withCli ? [...args, "--with-cli"] : args, root);
  expect(result.code).toBe(0);
  return root;
}

async function tscErrorsIn(bin: string, cwd: string): Promise<string> {
  try {
    await run(process.execPath, [bin, "-p", "tsconfig.json"], { cwd });
    return "";
  } catch (err) {
    return String((err as { stdout?: string }).stdout || err);
  }
}

describe("--layout sources", () => {
  let nodeCjs: string;
  let nodeEsm: string;
  let dom: string;
  beforeAll(async () => {
    [nodeCjs, nodeEsm, dom] = await Promise.all([
      project("node-cjs", { type: "commonjs", lib: ["ES2022"], types: ["node"], withCli: true }),
      project("node-esm", { type: "module", lib: ["ES2022"], types: ["node"] }),
      project("dom", { type: "module", lib: ["ES2022", "DOM"], types: [] }),
    ]);
  }, 60_000);

  it("leaves the command line out unless --with-cli, and --with-cli needs sources", async () => {
    const files = readdirSync(join(nodeEsm, "src", "api"));
    expect(files).toEqual(expect.arrayContaining(["index.ts", "builder.ts", "runtime"]));
    expect(files.filter((f) => f.startsWith("cli"))).toEqual([]);
    expect(existsSync(join(nodeCjs, "src", "api", "cli.ts"))).toBe(true);
    expect(existsSync(join(nodeCjs, "src", "api", "cli-runtime", "run-cli.ts"))).toBe(true);
    const refused = await clientgen(
      ["generate", "--with-cli", "--spec", fixture("specs", "minimal.yaml"), "--out", "x"],
      work,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--with-cli goes with --layout sources/);
  });

  it("adding or dropping --with-cli regenerates (never skipped as unchanged)", async () => {
    const root = await project("toggle", { type: "module", lib: ["ES2022"], types: ["node"] });
    const again = (...more: string[]) =>
      clientgen(
        ["generate", "--layout", "sources", ...more, "--spec", fixture("specs", "faults.yaml"), "--out", "src/api"],
        root,
      );
    expect((await again("--with-cli")).stderr).toMatch(/written/);
    expect(existsSync(join(root, "src", "api", "cli.ts"))).toBe(true);
    expect((await again()).stderr).toMatch(/written/);
    expect(existsSync(join(root, "src", "api", "cli.ts"))).toBe(false);
    expect(existsSync(join(root, "src", "api", "cli-runtime"))).toBe(false);
  }, 60_000);

  it("compiles with a Node-only lib, in CommonJS with the command line and in ESM", async () => {
    const [cjs, esm] = await Promise.all([tscErrorsIn(tscBin, nodeCjs), tscErrorsIn(tscBin, nodeEsm)]);
    expect({ cjs, esm }).toEqual({ cjs: "", esm: "" });
  }, 120_000);

  it("compiles with DOM libs and no Node types (TypeScript 7, and 5.9 whose DOM lacks DOM.Iterable)", async () => {
    const [ts7, ts59] = await Promise.all([tscErrorsIn(tscBin, dom), tscErrorsIn(tsc59Bin, dom)]);
    expect({ ts7, ts59 }).toEqual({ ts7: "", ts59: "" });
  }, 120_000);
});
