import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BaseResolver, createConfig, lintDocument, Source } from "@redocly/openapi-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validatable } from "../../../src/check/structure/check-structure.js";
import { leadsThroughItself, localRefs, refLoop } from "../../../src/load/follow-ref.js";
import { malformedPercent } from "../../../src/load/json-pointer.js";
import { structProblems, type StructProblem } from "../../../src/check/structure/struct-walk.js";
import { projectRoot } from "../../helpers/generate.js";

/**
 * struct-walk.ts does what Redocly's `struct` rule does, faster. Redocly itself is the oracle here:
 * on every spec in the repository and on thousands of damaged copies, both must report the same
 * findings (place, message, suggestions). A Redocly upgrade that changes the rule fails this test.
 */

class NoExternalRefs extends BaseResolver {
  override loadExternalRef(ref: string): Promise<Source> {
    return Promise.reject(new Error(`not followed: ${ref}`));
  }
}
const config = await createConfig({ extends: [], rules: { struct: "error" } });

const key = (p: StructProblem): string => JSON.stringify([p.pointer, p.message, p.suggest]);

/**
 * Redocly's pointers lose an empty key unless it is the last: the child `b` of a field named "" is
 * `#/a/b`, not `#/a//b`. Its findings are compared with ours written the same way (ours keep the key).
 */
const asRedoclyWrites = (p: StructProblem): StructProblem => ({
  ...p,
  pointer: p.pointer.filter((segment, i) => segment !== "" || i === p.pointer.length - 1),
});

async function redocly(data: unknown): Promise<string[]> {
  const problems = await lintDocument({
    document: { source: new Source("/spec.yaml", ""), parsed: data },
    config: config.styleguide,
    externalRefResolver: new NoExternalRefs(),
  });
  return problems
    .map((p) => {
      const raw = (p.location[0]?.pointer ?? "#/").replace(/^#\/?/, "");
      const pointer = raw === "" ? [] : raw.split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
      return key({ pointer, message: p.message, suggest: p.suggest });
    })
    .sort();
}

const ours = (data: Record<string, unknown>): string[] => structProblems(data).map(asRedoclyWrites).map(key).sort();

/** Documents Redocly can judge as they are: no `constructor`-like keys (it misreads them), no reference loops (it throws). */
function comparable(data: unknown): data is Record<string, unknown> {
  if (data === null || typeof data !== "object" || Array.isArray(data) || !validatable(data as Record<string, unknown>))
    return false;
  if (hasPrototypeKey(data)) return false;
  // Circles, broken `%` escapes and a `null` on the way make Redocly throw (and leave rejections
  // unhandled); check-structure.ts leaves those to the reference rules.
  return ![...localRefs(data)].some(
    (ref) =>
      refLoop(data, ref) !== undefined ||
      leadsThroughItself(data, ref) ||
      malformedPercent(ref) ||
      throughNull(data, ref),
  );
}

/** A reference whose path meets a `null` before its end (`#/components/pathItems/Thing` with `pathItems: null`). */
function throughNull(data: unknown, ref: string): boolean {
  let node = data;
  for (const segment of ref
    .replace(/^#\/?/, "")
    .split("/")
    .filter((s) => s !== "")) {
    if (node === null) return true;
    if (typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return false;
}

function hasPrototypeKey(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasPrototypeKey);
  if (node === null || typeof node !== "object") return false;
  return Object.entries(node).some(([key, value]) => key in Object.prototype || hasPrototypeKey(value));
}

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return specFiles(full);
    return /\.(ya?ml|json)$/.test(name) && !/clientgen\.ya?ml$/.test(name) ? [full] : [];
  });
}

function readSpec(file: string): unknown {
  try {
    const text = readFileSync(file, "utf8");
    return file.endsWith(".json") ? JSON.parse(text) : parse(text);
  } catch {
    return undefined; // the fixtures include unreadable files on purpose
  }
}

const repositorySpecs = [...specFiles(join(projectRoot, "specs")), ...specFiles(join(projectRoot, "test", "fixtures"))]
  .map((file) => ({ file, data: readSpec(file) }))
  .filter((s): s is { file: string; data: Record<string, unknown> } => comparable(s.data));

describe("the struct walk agrees with Redocly's struct rule", () => {
  it("on every spec in the repository", async () => {
    expect(repositorySpecs.length).toBeGreaterThan(60);
    let findings = 0;
    for (const { file, data } of repositorySpecs) {
      const mine = ours(data);
      findings += mine.length;
      expect(mine, file).toEqual(await redocly(data));
    }
    expect(findings).toBeGreaterThan(25); // the broken fixtures do report
  });

  // Damaged copies of the seed specs and a few fixtures: any value replaced, a field dropped or misspelt,
  // a node turned into a `$ref` (to a real place or not), a field written beside a `$ref`.
  const bases = repositorySpecs.filter(({ file }) =>
    /specs\/[a-z]+\/openapi\.yaml$|refs-everywhere|swagger2-after-conversion|docs\.yaml/.test(file),
  );
  type Path = (string | number)[];
  const pathsOf = (node: unknown, at: Path = [], out: Path[] = []): Path[] => {
    if (at.length) out.push(at);
    if (Array.isArray(node)) node.forEach((v, i) => pathsOf(v, [...at, i], out));
    else if (node !== null && typeof node === "object")
      for (const [k, v] of Object.entries(node)) pathsOf(v, [...at, k], out);
    return out;
  };
  const componentRefs = (data: Record<string, unknown>): string[] =>
    pathsOf(data.components ?? data.definitions ?? {}, [data.components ? "components" : "definitions"])
      .filter((p) => p.length <= 3)
      .map((p) => `#/${p.join("/")}`);

  type Edit =
    | { kind: "set"; value: unknown }
    | { kind: "drop" }
    | { kind: "rename"; suffix: string }
    | { kind: "ref"; to: number }
    | { kind: "beside"; value: unknown };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({
      kind: fc.constant("set" as const),
      value: fc.oneof(
        fc.anything({ maxDepth: 2, withNullPrototype: false }),
        fc.constantFrom(
          "query",
          "header",
          "form",
          "string",
          "object",
          "array",
          "integer",
          "apiKey",
          "oauth2",
          "http",
          "path",
        ),
      ),
    }),
    fc.record({ kind: fc.constant("drop" as const) }),
    fc.record({ kind: fc.constant("rename" as const), suffix: fc.constantFrom("s", "x", "_", "2") }),
    fc.record({ kind: fc.constant("ref" as const), to: fc.nat() }),
    fc.record({ kind: fc.constant("beside" as const), value: fc.anything({ maxDepth: 1, withNullPrototype: false }) }),
  );

  function applied(data: Record<string, unknown>, at: Path, change: Edit): Record<string, unknown> {
    const copy = structuredClone(data);
    let parent = copy as Record<string | number, unknown>;
    for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = at[at.length - 1]!;
    switch (change.kind) {
      case "set":
        parent[last] = change.value;
        break;
      case "drop":
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete parent[last];
        break;
      case "rename":
        if (!Array.isArray(parent)) {
          parent[`${String(last)}${change.suffix}`] = parent[last];
          delete parent[last];
        }
        break;
      case "ref": {
        const targets = [...componentRefs(data), "#/components/schemas/Nowhere", "#/paths", "#/info/title", "#"];
        parent[last] = { $ref: targets[change.to % targets.length] };
        break;
      }
      case "beside": {
        const node = parent[last];
        if (node !== null && typeof node === "object" && !Array.isArray(node) && "$ref" in node)
          (node as Record<string, unknown>).description = change.value;
        else parent[last] = { $ref: componentRefs(data)[0] ?? "#/info", summary: change.value };
        break;
      }
    }
    return copy;
  }

  it("on damaged copies of the repository's specs (fast-check)", async () => {
    expect(bases.length).toBeGreaterThanOrEqual(5);
    const cases = fc.integer({ min: 0, max: bases.length - 1 }).chain((b) => {
      const paths = pathsOf(bases[b]!.data);
      return fc.tuple(
        fc.constant(b),
        fc.constantFrom(...paths),
        edit,
        fc.option(fc.tuple(fc.constantFrom(...paths), edit), { nil: undefined }),
      );
    });
    let compared = 0;
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ([b, at, change, second]) => {
        let data = applied(bases[b]!.data, at, change);
        if (second) {
          try {
            data = applied(data, second[0], second[1]);
          } catch {
            // the first edit removed the second one's place
          }
        }
        if (!comparable(data)) return;
        // Redocly's resolver crashes on a reference through a null (`#/a/b` with `a: null`); this walk finds nothing there.
        const expected = await redocly(data).catch((err: Error) =>
          /of null \(reading/.test(err.message) ? undefined : Promise.reject(err),
        );
        if (!expected) return;
        compared++;
        if (expected.length > 0) withFindings++;
        expect(ours(data)).toEqual(expected);
      }),
      { numRuns: 600, seed: 20261130, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(400);
    expect(withFindings).toBeGreaterThan(100);
  }, 300_000);
});

describe("fields named like Object.prototype's members", () => {
  it("are fields like any other", () => {
    const data = parse(`
openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /things:
    get:
      constructor: 1
      responses:
        "200": { description: ok }
components:
  schemas:
    Thing:
      type: object
      properties:
        constructor: { type: strin }
        toString: { type: string }
        hasOwnProperty: { $ref: "#/components/schemas/Thing" }
`) as Record<string, unknown>;
    const found = structProblems(data).map((p) => [p.pointer.join("/"), p.message]);
    expect(found).toEqual([
      ["paths//things/get/constructor", "Property `constructor` is not expected here."],
      [
        "components/schemas/Thing/properties/constructor/type",
        '`type` can be one of the following only: "object", "array", "string", "number", "integer", "boolean".',
      ],
    ]);
  });
});
