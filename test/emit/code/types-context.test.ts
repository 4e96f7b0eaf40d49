import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import openapiTS, { astToString, resolveRef, transformSchema, type OpenAPI3 } from "openapi-typescript";
import ts from "typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { emitTypes, OPENAPI_TYPESCRIPT_VERSION, typesContext } from "../../../src/emit/code/emit-types.js";
import { fixture, projectRoot } from "../../helpers/generate.js";

const pkg = join(projectRoot, "node_modules", "openapi-typescript");

/** The keys of the context object openapiTS() builds, read from the installed package's code. */
function installedContextKeys(): string[] {
  const code = readFileSync(join(pkg, "dist", "index.mjs"), "utf8");
  const block = /const ctx = \{\n([\s\S]*?)\n {2}\};/.exec(code)?.[1];
  if (!block)
    throw new Error(
      "openapi-typescript's openapiTS() no longer builds `const ctx = {…}`: re-read it and update typesContext",
    );
  return [...block.matchAll(/^ {4}(\w+)\s*[:(,]/gm)].map((m) => m[1]!);
}

/** The properties of the GlobalContext type in the installed declarations. */
function declaredContextKeys(): string[] {
  const file = join(pkg, "dist", "index.d.mts");
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const decl = program
    .getSourceFile(file)!
    .statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "GlobalContext",
    );
  if (!decl) throw new Error("openapi-typescript no longer declares GlobalContext");
  return checker.getPropertiesOfType(checker.getTypeAtLocation(decl)).map((p) => p.name);
}

/**
 * emit-types.ts calls openapi-typescript's transform with a copy of the context openapiTS() builds.
 * That context is internal: these tests fail loudly when an upgrade changes it.
 */
describe("the copy of openapi-typescript's GlobalContext", () => {
  const doc = parse(readFileSync(fixture("specs", "minimal.yaml"), "utf8")) as OpenAPI3;

  it("was made for the installed version", () => {
    const installed = (JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { version: string }).version;
    expect(
      installed,
      "openapi-typescript was upgraded: compare typesContext with openapiTS() in its dist/index.mjs, then update OPENAPI_TYPESCRIPT_VERSION",
    ).toBe(OPENAPI_TYPESCRIPT_VERSION);
  });

  it("has exactly the keys openapiTS() sets and GlobalContext declares", () => {
    const ours = Object.keys(typesContext(doc)).sort();
    expect(ours).toEqual(installedContextKeys().sort());
    expect(ours).toEqual(declaredContextKeys().sort());
  });

  it.each(["specs/minimal.yaml", "types/discriminators.yaml"])(
    "gives the same types.ts as openapiTS() with its defaults, defaultNonNullable off (%s)",
    async (name) => {
      const read = () => parse(readFileSync(fixture(...name.split("/")), "utf8")) as OpenAPI3;
      // Each gets its own copy: both patch the document's discriminated schemas in place.
      const mine = read();
      const ours = astToString(transformSchema(mine, typesContext(mine)));
      const theirs = astToString(await openapiTS(read(), { silent: true, defaultNonNullable: false }));
      expect(ours).toBe(theirs);
    },
    30_000,
  );
});

/**
 * emit-types.ts requires openapi-typescript's modules one by one (its index loads Redocly). They
 * must be the very functions the package exports, or types.ts would come from something else.
 */
describe("the openapi-typescript modules emit-types.ts requires", () => {
  it("are the functions the package's index exports", () => {
    const require = createRequire(join(projectRoot, "src", "emit", "code", "emit-types.ts"));
    const index = require("openapi-typescript") as Record<string, unknown>;
    expect(require("openapi-typescript/dist/transform/index.cjs")).toBe(index.transformSchema);
    expect((require("openapi-typescript/dist/lib/ts.cjs") as Record<string, unknown>).astToString).toBe(
      index.astToString,
    );
    const utils = require("openapi-typescript/dist/lib/utils.cjs") as Record<string, unknown>;
    expect(utils.resolveRef).toBe(index.resolveRef);
    expect(utils.scanDiscriminators).toBe(index.scanDiscriminators);
  });

  it("make the types.ts openapiTS() makes, discriminators included", async () => {
    const text = readFileSync(fixture("types", "discriminators.yaml"), "utf8");
    const ours = emitTypes({
      data: parse(text) as Record<string, unknown>,
      source: { file: "discriminators.yaml", hash: "0" },
    }).get("src/types.ts")!;
    expect(ours.endsWith(astToString(await openapiTS(parse(text) as OpenAPI3, { silent: true })))).toBe(true);
    // Patched in by its discriminator handling: a mapped value, an inferred one, an inherited one.
    for (const patched of ['petType: "dog"', 'petType: "Lizard"', 'kind: "car"', 'kind: "Truck"'])
      expect(ours).toContain(patched);
  }, 30_000);
});

/** `resolve` is remembered by `$ref`; what it remembers must be what resolveRef finds in this very document. */
describe("typesContext's resolve", () => {
  const read = () => parse(readFileSync(fixture("types", "discriminators.yaml"), "utf8")) as OpenAPI3;
  const refsIn = (node: unknown): string[] =>
    node && typeof node === "object"
      ? Object.entries(node).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refsIn(v)))
      : [];

  it("gives resolveRef's node for every $ref, the first time and the next", () => {
    const doc = read();
    const context = typesContext(doc);
    const refs = [
      ...new Set(refsIn(doc)),
      "#/components/schemas/Missing",
      "#/components/parameters/Cursor",
      "#/components/schemas/PetAlias",
    ];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      for (let i = 0; i < 2; i++) expect(context.resolve(ref), ref).toBe(resolveRef(doc, ref, { silent: true }));
    }
    expect(context.resolve("#/components/schemas/Missing")).toBeUndefined();
    // A chain of $refs ends at the node it names: After, through Cursor; Pet, through PetAlias.
    expect(context.resolve("#/components/parameters/Cursor")).toBe(context.resolve("#/components/parameters/After"));
    expect(context.resolve("#/components/schemas/PetAlias")).toBe(context.resolve("#/components/schemas/Pet"));
    expect(context.resolve("#/components/schemas/Cat")).not.toBe(context.resolve("#/components/schemas/Dog"));
  });

  it("remembers per context: another document's context finds that document's nodes", () => {
    const first = read();
    const second = read();
    const schemas = second.components!.schemas!;
    schemas.Lizard = { type: "object", properties: { tail: { type: "number" } } };
    expect(typesContext(first).resolve("#/components/schemas/Lizard")).toBe(first.components!.schemas!.Lizard);
    expect(typesContext(second).resolve("#/components/schemas/Lizard")).toBe(schemas.Lizard);
  });
});
