import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runClientgen as clientgen } from "../helpers/run-cli.js";
import { fixture } from "../helpers/generate.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-stamp-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const specs = join(work, "specs");
const out = join(work, "generated");
cpSync(fixture("specs", "multi-file"), join(specs, "split"), { recursive: true });
const generate = (...extra: string[]) => clientgen(["generate", "--specs", specs, "--out-dir", out, ...extra], work);

/** A preload that records the URL of every module the process resolves, so a test can see what a run loaded. */
function moduleLog(name: string): { options: Record<string, string>; loaded: () => string[] } {
  const log = join(work, `${name}.log`);
  const hooks = `import { appendFileSync } from "node:fs";\nexport async function resolve(specifier, context, next) { const r = await next(specifier, context); appendFileSync(${JSON.stringify(log)}, r.url + "\\n"); return r; }\n`;
  const preload = join(work, `${name}.mjs`);
  writeFileSync(
    preload,
    `import { register } from "node:module";\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});\n`,
  );
  writeFileSync(log, "");
  return {
    options: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` },
    loaded: () => readFileSync(log, "utf8").split("\n").filter(Boolean),
  };
}

/** The input stamp: an unchanged provider is skipped without loading the pipeline; any change to what it was made from regenerates it. */
describe("generate skips providers whose inputs did not change", () => {
  it("a second run skips, loading neither the pipeline nor openapi-typescript nor TypeScript", async () => {
    const first = moduleLog("first");
    expect((await clientgen(["generate", "--specs", specs, "--out-dir", out], work, first.options)).stderr).toMatch(
      /split\s+1 operation\s+written/,
    );
    expect(first.loaded().some((url) => url.endsWith("/pipeline.js"))).toBe(true);
    const second = moduleLog("second");
    const again = await clientgen(["generate", "--specs", specs, "--out-dir", out], work, second.options);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/split\s+1 operation\s+skipped\s.*inputs unchanged/);
    expect(again.stderr).toMatch(/clientgen: 1 provider in \d+\.\d\d s: 1 skipped/);
    const loaded = second.loaded();
    expect(loaded.some((url) => url.endsWith("/cli.js"))).toBe(true);
    expect(
      loaded.filter((url) => /\/pipeline\.js$|openapi-typescript|\/typescript\/|\/yaml\/|handlebars/.test(url)),
    ).toEqual([]);
  });

  it("a change to a file the spec $refs, or a clientgen.yaml that appears, regenerates", async () => {
    await generate();
    const owner = join(specs, "split", "owner.yaml");
    writeFileSync(owner, `${readFileSync(owner, "utf8")}  email: { type: string }\n`);
    expect((await generate()).stderr).toMatch(/split\s+1 operation\s+written/);
    expect(readFileSync(join(out, "split", "src", "types.ts"), "utf8")).toMatch(/email\?: string/);
    writeFileSync(join(specs, "split", "clientgen.yaml"), "name: Splitter\n");
    expect((await generate()).stderr).toMatch(/split\s+1 operation\s+written/);
    expect(readFileSync(join(out, "split", "src", "index.ts"), "utf8")).toMatch(/export class Splitter /);
    expect((await generate()).stderr).toMatch(/split\s+1 operation\s+skipped/);
    expect(await generate("--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--check still compares the files themselves, and generate repairs a hand-edited file", async () => {
    await generate();
    const index = join(out, "split", "src", "index.ts");
    writeFileSync(index, `${readFileSync(index, "utf8")}// edited by hand\n`);
    const check = await generate("--check");
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("stale: generated/split/src/index.ts (differs)\n");
    expect((await generate()).stderr).toMatch(/split\s+1 operation\s+written\s.*1 changed/);
    expect(readFileSync(index, "utf8")).not.toContain("edited by hand");
    expect((await generate("--check")).code).toBe(0);
  });
});
