import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { jobFor } from "../../src/load/find-providers.js";
import { readAssets } from "../../src/load/read-assets.js";
import { generateProvider } from "../../src/pipeline.js";
import { fixture, projectRoot } from "../helpers/generate.js";

/**
 * Property-based, on test/fixtures/specs/minimal.yaml:
 * - any one value replaced by anything (a string, a number, null, a list, a deep mapping) is either
 *   generated, or refused with located errors that carry a hint; the pipeline never throws (which
 *   the CLI would report as an internal error, exit 3);
 * - any mapping or list replaced by a plain value is refused, never generated: every mapping and
 *   list in that spec is one the OpenAPI schema requires to be a mapping or a list.
 */
type Json = unknown;
const base = parse(readFileSync(fixture("specs", "minimal.yaml"), "utf8")) as Json;

/** Every place in the document, as a path of keys. */
function places(node: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length) out.push(at);
  if (Array.isArray(node)) node.forEach((v, i) => places(v, [...at, i], out));
  else if (node !== null && typeof node === "object")
    for (const [k, v] of Object.entries(node)) places(v, [...at, k], out);
  return out;
}
const all = places(base);

function replaced(at: (string | number)[], value: Json): Json {
  const copy = structuredClone(base) as Record<string | number, Json>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[at[at.length - 1]!] = value;
  return copy;
}

const work = mkdtempSync(join(tmpdir(), "clientgen-malformed-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("malformed specs (fast-check)", () => {
  it("one value replaced by anything: generated, or refused with located errors; never a crash", async () => {
    const assets = readAssets();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.anything({ maxDepth: 2, withNullPrototype: false }),
        async (at, value) => {
          const spec = join(work, `spec-${n++}.json`);
          writeFileSync(spec, JSON.stringify(replaced(at, value)) ?? "null");
          const result = await generateProvider(jobFor(spec, join(work, "out"), "pets"), assets, projectRoot);
          const errors = result.diagnostics.filter((d) => d.severity === "error");
          if (result.files) expect(errors).toEqual([]);
          else {
            expect(errors.length).toBeGreaterThan(0);
            for (const e of errors) {
              expect(e.location, e.message).toBeDefined();
              expect(e.hint, e.message).toBeTruthy();
            }
          }
        },
      ),
      { numRuns: 200, seed: 11, endOnFailure: true },
    );
  }, 300_000);

  it("a mapping or list replaced by a plain value is refused at that place", async () => {
    const assets = readAssets();
    const containers = all.filter((at) => {
      const value = at.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], base);
      return value !== null && typeof value === "object";
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...containers),
        fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
        async (at, value) => {
          const spec = join(work, `plain-${n++}.json`);
          writeFileSync(spec, JSON.stringify(replaced(at, value)));
          const result = await generateProvider(jobFor(spec, join(work, "out"), "pets"), assets, projectRoot);
          expect(result.files, `${at.join(".")} = ${JSON.stringify(value)}`).toBeUndefined();
          expect(result.diagnostics.some((d) => d.severity === "error" && d.location && d.hint)).toBe(true);
        },
      ),
      { numRuns: 100, seed: 12, endOnFailure: true },
    );
  }, 300_000);
});
