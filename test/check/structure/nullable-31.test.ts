import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/diagnostics.js";
import { fixture, generateFrom } from "../../helpers/generate.js";

describe("'nullable' in an OpenAPI 3.1 spec", () => {
  it("is one warning naming the count and the first place, and says the types honour it", async () => {
    const result = await generateFrom(fixture("specs", "nullable-31.yaml"));
    const said = result.diagnostics.map((d) => formatDiagnostic(d, { color: false }).split("\n")[0]);
    expect(said).toEqual([
      "test/fixtures/specs/nullable-31.yaml:25:31 warning[spec-nullable] 'nullable' is OpenAPI 3.0's keyword, not 3.1's; this spec uses it 4 times (first here). clientgen honours 'nullable: true' (the type includes null), other 3.1 tools may ignore it",
    ]);
    const types = result.files!.get("src/types.ts")!;
    expect(types).toContain("note: string | null;");
    expect(types).toContain("tags: string[] | null;");
    expect(types).toMatch(/Owner: \{\s+name\?: string;\s+\} \| null;/);
  });

  it("is not reported in a 3.0 spec, where it belongs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clientgen-nullable-"));
    try {
      const spec = join(dir, "openapi.yaml");
      writeFileSync(
        spec,
        readFileSync(fixture("specs", "nullable-31.yaml"), "utf8").replace("openapi: 3.1.0", "openapi: 3.0.3"),
      );
      const result = await generateFrom(spec);
      expect(result.diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
