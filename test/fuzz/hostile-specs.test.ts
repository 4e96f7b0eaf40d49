import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { buildSync } from "esbuild";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileSet } from "../../scripts/corpus.js";
import { malformedPercent } from "../../src/load/json-pointer.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { generateFrom } from "../helpers/generate.js";
import { tscErrors } from "../helpers/tsc.js";

/**
 * Property-based: specs full of hostile names, descriptions, enum values, examples and paths are
 * either generated into code that parses, type-checks, keeps every value as data and imports
 * without side effects, or (never, for these valid inputs) refused. To stay lean on two cores,
 * each run packs CASES_PER_SPEC cases into one spec (one operation and one schema per case), each
 * generated file is parsed with TypeScript's parser, and all packages are type-checked by one tsc.
 */
const RUNS = 8;
const CASES_PER_SPEC = 64;

/** Strings that break out of comments, string and template literals, markdown or JSON if not escaped. */
const PAYLOADS = [
  "*/",
  "/*",
  "/**",
  "`",
  "${globalThis.__pwned = 1}",
  '"; globalThis.__pwned = 1; //',
  "'; globalThis.__pwned = 1; //",
  "*/ globalThis.__pwned = 1; /*",
  "\\",
  "\\u0022",
  "\u2028",
  "\u2029",
  "</script>",
  "<!--",
  "-->",
  "\r\n",
  "\n",
  "\r",
  "\0",
  "@deprecated",
  "{@link x}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "default",
  "class",
  "delete",
  "await",
  "eval",
  "arguments",
  "Object",
  "Promise",
  "fetch",
  "then",
  "😀",
  "\u202e",
  "$",
  "#",
  "|",
  "[x](y)",
  "**",
  "\t",
  " ",
  "0",
  "1e3",
  "-",
  "_",
  "ü",
  "日本",
];

const fragment = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
/**
 * Lone surrogates are left out: no UTF-8 file can hold one (only a JSON `\ud800` escape), and
 * openapi-typescript cannot encode them (which clientgen reports as a `types-failed` error).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hostile = fc
  .array(fragment, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(""))
  .filter((s) => !LONE_SURROGATE.test(s));
/** Path segments may hold anything but the characters that end or template a path. */
const segment = hostile.map((s) => s.replace(/[/{}?#%\s]/g, "")).filter((s) => s.length > 0);

interface HostileCase {
  name: string;
  description: string;
  enumValues: string[];
  example: string;
  segment: string;
  property: string;
  tag: string;
}

const hostileCase: fc.Arbitrary<HostileCase> = fc.record({
  name: hostile,
  description: hostile,
  enumValues: fc.uniqueArray(hostile, { minLength: 1, maxLength: 4 }),
  example: hostile,
  segment,
  property: hostile,
  tag: hostile,
});

// A name with a '%' that starts no %XX escape is refused (openapi-typescript cannot decode it): see test/fixtures/bad/operation-id-percent.
const batch = fc.uniqueArray(
  hostileCase.filter((c) => !malformedPercent(c.name)),
  { minLength: CASES_PER_SPEC, maxLength: CASES_PER_SPEC, selector: (c) => c.name },
);

const pathOf = (c: HostileCase, i: number): string => `/c${i}/${c.segment}/{id}`;

function specFor(cases: HostileCase[], run: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  cases.forEach((c, i) => {
    schemas[`S${i}`] = {
      type: "object",
      title: c.name,
      description: c.description,
      properties: {
        [c.property]: { type: "string", enum: c.enumValues, description: c.description, example: c.example },
        id: { type: "string" },
      },
      example: { [c.property]: c.example },
    };
    paths[pathOf(c, i)] = {
      get: {
        operationId: c.name,
        tags: [c.tag],
        summary: c.description,
        description: c.description,
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" }, example: c.example },
          { name: c.property, in: "query", description: c.description, schema: { type: "string", enum: c.enumValues } },
        ],
        responses: {
          "200": {
            description: c.description,
            content: {
              "application/json": {
                schema: { $ref: `#/components/schemas/S${i}` },
                example: { [c.property]: c.example },
              },
            },
          },
        },
      },
    };
  });
  return {
    openapi: "3.1.0",
    info: { title: `Fuzz ${run}`, version: "1.0.0", description: cases[0]!.description },
    paths,
    components: { schemas },
  };
}

interface Parsed {
  literals: Set<string>;
  identifiers: Set<string>;
}

/** Parses one file with TypeScript's parser; fails on any syntax error; collects literal values and identifiers. */
function parse(path: string, text: string, into: Parsed): void {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const syntax = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(syntax.map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)).toEqual([]);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) into.literals.add(node.text);
    else if (ts.isIdentifier(node)) into.identifiers.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** Bundles an entry with esbuild and evaluates it in a fresh context that records anything it does on import. */
function importInSandbox(
  dir: string,
  entry: string,
): { exports: Record<string, unknown>; effects: string[]; sandbox: Record<string, unknown> } {
  const { outputFiles } = buildSync({
    entryPoints: [join(dir, entry)],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent",
  });
  const effects: string[] = [];
  const record = (what: string) => () => void effects.push(what);
  const module = { exports: {} as Record<string, unknown> };
  const sandbox: Record<string, unknown> = {
    module,
    exports: module.exports,
    fetch: record("fetch"),
    setTimeout: record("setTimeout"),
    setInterval: record("setInterval"),
    console: {
      log: record("console.log"),
      warn: record("console.warn"),
      error: record("console.error"),
      info: record("console.info"),
      debug: record("console.debug"),
    },
    URL,
    URLSearchParams,
    TextEncoder,
    AbortController,
    Headers,
  };
  runInNewContext(outputFiles[0]!.text, sandbox);
  return { exports: module.exports, effects, sandbox };
}

const work = mkdtempSync(join(tmpdir(), "clientgen-fuzz-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const packages: string[] = [];

describe("hostile specs (fast-check)", () => {
  it(`${RUNS * CASES_PER_SPEC} hostile cases generate code that parses, keeps values as data and imports without side effects`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(batch, async (cases) => {
        const n = run++;
        const specPath = join(work, `fuzz-${n}.json`);
        writeFileSync(specPath, JSON.stringify(specFor(cases, n), null, 2));
        const result = await generateFrom(specPath, `fuzz${n}`);
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        expect(errors.map((d) => formatDiagnostic(d, { color: false }))).toEqual([]);
        const parsed: Parsed = { literals: new Set(), identifiers: new Set() };
        for (const [path, text] of result.files!) if (path.endsWith(".ts")) parse(path, text, parsed);
        expect(parsed.identifiers.has("__pwned")).toBe(false);
        cases.forEach((c, i) => {
          for (const value of c.enumValues)
            expect(parsed.literals, `enum value ${JSON.stringify(value)}`).toContain(value);
          expect(parsed.literals, `path of case ${i}`).toContain(pathOf(c, i));
          expect(parsed.literals, `query parameter ${JSON.stringify(c.property)}`).toContain(c.property);
        });
        const dir = join(work, "packages", `fuzz${n}`);
        writeFileSet(dir, result.files!);
        packages.push(`fuzz${n}`);
        for (const entry of ["src/index.ts", "src/builder.ts", "src/operations/index.ts"]) {
          if (!result.files!.has(entry)) continue;
          const { exports, effects, sandbox } = importInSandbox(dir, entry);
          expect(effects, entry).toEqual([]);
          expect(sandbox.__pwned, entry).toBeUndefined();
          expect(typeof exports.then, `${entry} must not be thenable`).toBe("undefined");
        }
      }),
      { numRuns: RUNS, seed: 20261130, endOnFailure: true },
    );
    expect(run).toBe(RUNS);
  }, 600_000);

  it("every generated package type-checks, all in one tsc program", async () => {
    expect(packages).toHaveLength(RUNS);
    const root = join(work, "packages");
    mkdirSync(root, { recursive: true });
    const options = {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
    };
    writeFileSync(
      join(root, "tsconfig.json"),
      JSON.stringify({ compilerOptions: options, include: packages.map((p) => `${p}/src`) }),
    );
    expect(await tscErrors("-p", join(root, "tsconfig.json"), "--pretty", "false")).toBe("");
  }, 300_000);
});
