import { describe, expect, it } from "vitest";
import { copyReachable, emitRuntime } from "../../../src/emit/code/emit-runtime.js";
import { readAssets } from "../../../src/load/read-assets.js";

/** Packages carry the runtime modules their code can reach at run time, and nothing only the generator reads. */
describe("the runtime copied into packages", () => {
  const assets = readAssets();

  it("leaves out public-exports.ts (generator-only) and copies every other runtime module byte for byte", () => {
    const files = emitRuntime(assets);
    expect(files.has("src/runtime/public-exports.ts")).toBe(false);
    const expected = [...assets.runtime.keys()].filter((p) => p !== "public-exports.ts").map((p) => `src/runtime/${p}`);
    expect([...files.keys()].sort()).toEqual(expected.sort());
    for (const [path, text] of files) expect(text).toBe(assets.runtime.get(path.slice("src/runtime/".length)));
  });

  it("keeps the command line's reserved.ts, which completion and flag checks import at run time", () => {
    const files = copyReachable(assets.cliRuntime, "src/cli-runtime");
    expect(files.has("src/cli-runtime/reserved.ts")).toBe(true);
    // `webhooks verify` only when a package's cli.ts imports it (emit-cli.ts gives it as a root).
    expect([...assets.cliRuntime.keys()].filter((p) => !files.has(`src/cli-runtime/${p}`))).toEqual([
      "verify-webhook.ts",
    ]);
    expect(copyReachable(assets.cliRuntime, "src/cli-runtime", ["verify-webhook.ts"]).size).toBe(
      assets.cliRuntime.size,
    );
  });

  it("follows imports through folders and leaves out what nothing imports", () => {
    const files = new Map([
      ["index.ts", 'export * from "./a.js";\nexport { b } from "./sub/b.js";'],
      ["a.ts", 'import type { C } from "./c.js";\nexport const a = 1;'],
      ["c.ts", "export type C = 1;"],
      ["sub/b.ts", 'import { a } from "../a.js";\nexport const b = a;'],
      ["meta.ts", "export const META = [];"],
    ]);
    expect([...copyReachable(files, "out").keys()].sort()).toEqual([
      "out/a.ts",
      "out/c.ts",
      "out/index.ts",
      "out/sub/b.ts",
    ]);
  });
});
