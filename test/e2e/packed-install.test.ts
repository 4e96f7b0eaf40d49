import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, projectRoot } from "../helpers/generate.js";

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "clientgen-packed-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const quiet = {
  ...process.env,
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  npm_config_yes: "true",
  NO_COLOR: "1",
};
const npm = (args: string[], cwd: string) => exec("npm", args, { cwd, env: quiet, maxBuffer: 16 * 1024 * 1024 });

/** The shell lines of the first ```sh block under a README's "## Install", without their comments. */
function installSteps(readme: string): string[] {
  const section = readme.slice(readme.indexOf("## Install"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
}

/**
 * clientgen as a user gets it: packed, installed into an empty project with no tsx anywhere, run
 * through npx; the generated package then built by following its own README, outside this repository.
 */
describe("clientgen installed from its packed tarball", () => {
  it("npx clientgen generate works in an empty project, and the package's README steps build it", async () => {
    // dist/ was built by the test setup; `prepare` would rebuild it under the feet of CLI tests running alongside.
    const { stdout } = await npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], projectRoot);
    const { filename, files } = (JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>)[0]!;
    const packed = files.map((f) => f.path);
    expect(packed).toEqual(
      expect.arrayContaining([
        "bin/clientgen.js",
        "dist/cli.js",
        "dist/types-worker/types-worker.js",
        "templates/package/package.json.hbs",
        "src/runtime/core.ts",
        "src/runtime-cli/run-cli.ts",
      ]),
    );
    // `prepare` builds dist/ in a clone; the tarball ships its script, which finds no build.mjs there and does nothing.
    const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.prepare).toBe("node scripts/prepare.mjs");
    expect(packed).toContain("scripts/prepare.mjs");
    expect(packed).not.toContain("scripts/build.mjs");
    expect(
      packed.filter(
        (p) =>
          p.startsWith("test/") ||
          p.startsWith("generated/") ||
          (p.startsWith("src/") && !p.startsWith("src/runtime/") && !p.startsWith("src/runtime-cli/")),
      ),
    ).toEqual([]);

    const project = join(work, "project");
    await exec("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    copyFileSync(fixture("specs", "minimal.yaml"), join(project, "api.yaml"));
    await npm(["install", "--prefer-offline", join(work, filename)], project);
    expect(existsSync(join(project, "node_modules", "tsx"))).toBe(false);
    const installed = join(project, "node_modules", "clientgen");
    const built = statSync(join(installed, "dist", "cli.js")).mtimeMs;
    await exec(process.execPath, [join(installed, "scripts", "prepare.mjs")], { cwd: installed });
    expect(statSync(join(installed, "dist", "cli.js")).mtimeMs).toBe(built);

    const generated = await exec("npx", ["clientgen", "generate", "--spec", "api.yaml", "--out", "gen/api"], {
      cwd: project,
      env: quiet,
    });
    expect(generated.stderr).toMatch(/api\s+4 operations\s+written/);
    const pkg = join(project, "gen", "api");
    const steps = installSteps(readFileSync(join(pkg, "README.md"), "utf8"));
    expect(steps).toEqual(["npm install", "npm run build", "npm pack"]);
    for (const step of steps)
      await npm([...step.split(" ").slice(1), ...(step === "npm install" ? ["--prefer-offline"] : [])], pkg);
    expect(readdirSync(join(pkg, "dist"))).toEqual(
      expect.arrayContaining(["index.js", "index.d.ts", "builder.js", "builder.d.ts"]),
    );
    expect(readdirSync(pkg).filter((f) => f.endsWith(".tgz"))).toHaveLength(1);
    const check = await exec("npx", ["clientgen", "generate", "--check", "--spec", "api.yaml", "--out", "gen/api"], {
      cwd: project,
      env: quiet,
    });
    expect(check.stdout).toBe("");

    // The project README's workspace set-up: the generated folder is a workspace, so after a spec
    // change regenerating and rebuilding is enough; nothing is packed or installed again.
    const manifestPath = join(project, "package.json");
    const consumer = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestPath, JSON.stringify({ ...consumer, workspaces: ["gen/*"] }));
    await npm(["install", "--prefer-offline"], project);
    const operations = async (): Promise<string[]> => {
      const probe = "import('api-client/operations').then((m) => console.log(Object.keys(m).sort().join(' ')))";
      return (await exec(process.execPath, ["-e", probe], { cwd: project })).stdout.trim().split(" ");
    };
    // The README's steps above already built dist/: the workspace link alone must expose it.
    expect(await operations()).not.toContain("listOwners");
    const spec = readFileSync(join(project, "api.yaml"), "utf8");
    writeFileSync(
      join(project, "api.yaml"),
      spec.replace(
        /^paths:\n/m,
        'paths:\n  /owners:\n    get:\n      operationId: listOwners\n      responses:\n        "204":\n          description: none\n',
      ),
    );
    await exec("npx", ["clientgen", "generate", "--spec", "api.yaml", "--out", "gen/api"], {
      cwd: project,
      env: quiet,
    });
    await npm(["run", "build", "--workspaces"], project);
    expect(await operations()).toContain("listOwners");
  }, 300_000);
});
