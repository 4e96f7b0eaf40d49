import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffPairs } from "../../src/diff/diff-packages.js";
import { projectRoot } from "../helpers/generate.js";

const seeds = ["openai", "konnect", "cloudflare", "trieve"];
const work = mkdtempSync(join(tmpdir(), "clientgen-diff-seeds-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("clientgen diff on the seed packages", () => {
  it("each package against a copy of itself: no changes, patch", () => {
    // A copy, not the same folder: the same files would give the checker the very same types and prove nothing.
    const pairs = seeds.map((seed) => {
      const copy = join(work, seed);
      cpSync(join(projectRoot, "generated", seed), copy, { recursive: true });
      return [copy, join(projectRoot, "generated", seed)] as const;
    });
    const results = diffPairs(pairs);
    results.forEach((result, i) => {
      expect(result.changes, seeds[i]).toEqual([]);
      expect(result.semver, seeds[i]).toBe("patch");
    });
  }, 60_000);
});
