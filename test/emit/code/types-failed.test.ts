import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitTypes } from "../../../src/emit/code/emit-types.js";
import { TypesFailed } from "../../../src/emit/code/types-failed.js";
import { jobFor } from "../../../src/load/find-providers.js";
import { readAssets } from "../../../src/load/read-assets.js";
import { startTypesWorker } from "../../../src/types-worker/types-pool.js";
import { generateProvider } from "../../../src/pipeline.js";
import { fixture, projectRoot } from "../../helpers/generate.js";

/**
 * openapi-typescript's own exceptions (on a document our checks let through) end as a located
 * `types-failed` diagnostic naming the spec, in this thread and from the worker; any other failure
 * of the worker stays an internal error.
 */
const work = mkdtempSync(join(tmpdir(), "clientgen-types-failed-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Structurally invalid on purpose: the pipeline refuses it before openapi-typescript, so only
// emitTypes and the worker (which do not validate) ever see it.
const broken = {
  openapi: "3.0.3",
  info: { title: "x", version: "1" },
  paths: { "/p": { get: { parameters: 5, responses: {} } } },
};

describe("openapi-typescript failures", () => {
  it("emitTypes throws TypesFailed with openapi-typescript's reason", () => {
    expect(() => emitTypes({ data: broken, source: { file: "x.json", hash: "0" } })).toThrow(TypesFailed);
    expect(() => emitTypes({ data: broken, source: { file: "x.json", hash: "0" } })).toThrow(/parameters/);
  });

  it("the worker replies with TypesFailed, not a crash", async () => {
    const spec = join(work, "broken.json");
    writeFileSync(spec, JSON.stringify(broken));
    const worker = startTypesWorker();
    try {
      await expect(worker.types(spec, work, "spec.yaml")).rejects.toBeInstanceOf(TypesFailed);
    } finally {
      await worker.close();
    }
  }, 60_000);

  it("generateProvider turns TypesFailed into a located diagnostic naming the spec", async () => {
    const spec = fixture("specs", "minimal.yaml");
    const failing = () => Promise.reject(new TypesFailed("something it did not expect"));
    const result = await generateProvider(jobFor(spec, join(work, "out"), "pets"), readAssets(), projectRoot, failing);
    expect(result.files).toBeUndefined();
    const d = result.diagnostics.find((e) => e.rule === "types-failed")!;
    expect(d.severity).toBe("error");
    expect(d.message).toBe(
      "openapi-typescript could not turn test/fixtures/specs/minimal.yaml into TypeScript types: something it did not expect",
    );
    expect(d.location).toEqual({ file: "test/fixtures/specs/minimal.yaml", line: 1, column: 1 });
    expect(d.hint).toBeTruthy();
  });

  it("any other failure of the types source stays an internal error", async () => {
    const crashing = () => Promise.reject(new Error("worker exited (1)"));
    await expect(
      generateProvider(
        jobFor(fixture("specs", "minimal.yaml"), join(work, "out2"), "pets"),
        readAssets(),
        projectRoot,
        crashing,
      ),
    ).rejects.toThrow("worker exited");
  });
});
