import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs, typeCheck, writeFileSet } from "../../scripts/corpus.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { jobFor } from "../../src/load/find-providers.js";
import { readAssets } from "../../src/load/read-assets.js";
import { generateProvider } from "../../src/pipeline.js";
import { fixture, projectRoot } from "../helpers/generate.js";

/**
 * Real-world coverage in the test suite: every example spec of `@readme/oas-examples` (3.0/ and 3.1/,
 * JSON and YAML) and our own odd-name fixtures generate a client that passes `tsc --strict`; a spec
 * that is itself invalid fails with the located diagnostic listed here instead. The packages are
 * type-checked together, in two batches run side by side, rather than one tsc per package; a package
 * whose sources equal an earlier one's (the JSON and YAML copies of a spec) is checked once.
 */

const examples = dirname(createRequire(import.meta.url).resolve("@readme/oas-examples/package.json"));

/** Specs that are invalid OpenAPI, and the diagnostic that must say so. */
const INVALID: Record<string, { rule: string; line: number; column: number; message: RegExp }> = {
  // `security: [{ api_key: [] }]` names a scheme the document never declares.
  "3.0/json/response-http-behavior": { rule: "security-scheme-unknown", line: 51, column: 13, message: /'api_key'/ },
  "3.0/yaml/response-http-behavior": { rule: "security-scheme-unknown", line: 42, column: 11, message: /'api_key'/ },
  // Swagger 2.0 is not read; the message says how to convert it.
  "2.0/json/petstore": { rule: "openapi-version", line: 2, column: 3, message: /Swagger "2\.0" document/ },
  // `dog: Dogg` names no schema (`cat: Cat` does, and is read as '#/components/schemas/Cat').
  "corpus/invalid/discriminator-mapping": { rule: "ref-unresolved", line: 20, column: 19, message: /mapping 'dog' points at nothing: "Dogg"/ },
};

interface Outcome {
  name: string;
  file: string;
  package?: string;
  /** An earlier spec whose generated sources are the same, so its type-check stands for this one. */
  twin?: string;
  errors: Diagnostic[];
  crash?: string;
}

const specs = [
  ...expandInputs([join(examples, "3.0"), join(examples, "3.1")], projectRoot),
  { path: join(examples, "2.0", "json", "petstore.json"), name: "2.0/json/petstore" },
  ...expandInputs([fixture("corpus")], projectRoot),
];
const outcomes = new Map<string, Outcome>();
const tscErrors = new Map<string, string[]>();
let tmp = "";

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "clientgen-oas-examples-"));
  const assets = readAssets();
  const batches: string[][] = [[], []];
  const batchSize = [0, 0];
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const pkg = spec.name.replace(/[^A-Za-z0-9]+/g, "_");
    const outcome: Outcome = { name: spec.name, file: spec.path, errors: [] };
    outcomes.set(spec.name, outcome);
    try {
      const result = await generateProvider(jobFor(spec.path, join(tmp, pkg), "example"), assets, projectRoot);
      outcome.errors = result.diagnostics.filter((d) => d.severity === "error");
      if (!result.files) continue;
      const key = sourcesKey(result.files);
      outcome.package = pkg;
      outcome.twin = seen.get(key);
      if (outcome.twin) continue;
      seen.set(key, spec.name);
      // The smaller batch takes the package, so both type-checks take about as long.
      const i = batchSize[0]! <= batchSize[1]! ? 0 : 1;
      batchSize[i]! += [...result.files.values()].reduce((n, text) => n + text.length, 0);
      writeFileSet(join(tmp, `batch${i}`, pkg), result.files);
      batches[i]!.push(pkg);
    } catch (err) {
      outcome.crash = err instanceof Error ? (err.stack ?? err.message) : String(err);
    }
  }
  const checks = batches.map(async (packages, i) => {
    if (packages.length === 0) return;
    const dir = join(tmp, `batch${i}`);
    writeCombinedTsconfig(dir, packages);
    const { errors } = await typeCheck(dir, "tsconfig.json");
    for (const line of errors) {
      const pkg = packages.find((p) => line.startsWith(`${p}/`)) ?? "(unattributed)";
      tscErrors.set(pkg, [...(tscErrors.get(pkg) ?? []), line]);
    }
  });
  await Promise.all(checks);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The package's TypeScript sources, less the banner line that names the spec file. */
function sourcesKey(files: Map<string, string>): string {
  const hash = createHash("sha256");
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (path.endsWith(".ts")) hash.update(path).update("\0").update(text.replace(/^\/\/ Generated by clientgen from .*\n/, "")).update("\0");
  }
  return hash.digest("hex");
}

/** One tsconfig over several packages, with the type-checking options the generated packages carry themselves. */
function writeCombinedTsconfig(dir: string, packages: string[]): void {
  const own = JSON.parse(readFileSync(join(dir, packages[0]!, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...own.compilerOptions, noEmit: true }, include: packages.map((p) => `${p}/src`) }, null, 2));
}

const valid = specs.map((s) => s.name).filter((name) => !(name in INVALID));

describe("@readme/oas-examples and test/fixtures/corpus", () => {
  it("finds the example specs", () => {
    expect(valid.length).toBeGreaterThan(100);
    for (const name of Object.keys(INVALID)) expect(outcomes.has(name), name).toBe(true);
  });

  it.each(valid)("%s generates a client that type-checks", (name) => {
    const outcome = outcomes.get(name)!;
    expect(outcome.crash).toBeUndefined();
    expect(outcome.errors.map((d) => `${d.location?.line}:${d.location?.column} ${d.rule} ${d.message}`)).toEqual([]);
    expect(outcome.package).toBeDefined();
    const checked = outcome.twin ? outcomes.get(outcome.twin)! : outcome;
    expect(tscErrors.get(checked.package!) ?? [], outcome.twin ? `type-checked as ${outcome.twin}` : undefined).toEqual([]);
  });

  it.each(Object.entries(INVALID))("%s is rejected with a located diagnostic", (name, expected) => {
    const outcome = outcomes.get(name)!;
    expect(outcome.crash).toBeUndefined();
    expect(outcome.package).toBeUndefined();
    const d = outcome.errors.find((e) => e.rule === expected.rule);
    expect(d, `errors: ${outcome.errors.map((e) => e.rule).join(", ")}`).toBeDefined();
    expect(d!.location?.file).toContain(name.split("/").slice(-1)[0]);
    expect([d!.location?.line, d!.location?.column]).toEqual([expected.line, expected.column]);
    expect(d!.message).toMatch(expected.message);
    expect(d!.hint).toBeTruthy();
  });

  it("leaves no type error unattributed", () => {
    expect(tscErrors.get("(unattributed)") ?? []).toEqual([]);
  });
});
