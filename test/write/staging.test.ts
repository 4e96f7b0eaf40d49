import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startStaging, writeOutput } from "../../src/write/write-output.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "clientgen-staging-"));
  roots.push(root);
  return root;
}

describe("startStaging", () => {
  it("writes parts as they come, a later part's file replacing an earlier one's, and writeOutput adds the rest", async () => {
    const outDir = join(tempRoot(), "pkg");
    const stager = startStaging(outDir);
    stager.add(
      new Map([
        ["src/a.ts", "first"],
        ["docs/x.md", "x"],
      ]),
    );
    stager.add(
      new Map([
        ["src/a.ts", "second"],
        ["src/deep/b.ts", "b"],
      ]),
    );
    const staged = await stager.finish();
    expect([...staged.written].sort()).toEqual(["docs/x.md", "src/a.ts", "src/deep/b.ts"]);
    const files = new Map([
      ["src/a.ts", "second"],
      ["docs/x.md", "x"],
      ["src/deep/b.ts", "b"],
      ["src/types.ts", "types"],
    ]);
    writeOutput(outDir, files, staged);
    for (const [path, text] of files) expect(readFileSync(join(outDir, path), "utf8")).toBe(text);
    expect(existsSync(staged.tmp)).toBe(false);
  });

  it("a failed write rejects finish() and leaves no staged folder behind", async () => {
    const parent = tempRoot();
    const outDir = join(parent, "pkg");
    const stager = startStaging(outDir);
    stager.add(new Map([["ok.md", "fine"]]));
    // `blocker` is a file, so nothing can go beneath it (whichever of the two gets there first fails).
    stager.add(new Map([["blocker", "a file"]]));
    stager.add(new Map([["blocker/under.md", "x"]]));
    await expect(stager.finish()).rejects.toThrow();
    expect(readdirSync(parent)).toEqual([]);
  });
});
