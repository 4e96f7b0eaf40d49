import { readFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString, transformSchema, type OpenAPI3 } from "openapi-typescript";
import ts from "typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { OPENAPI_TYPESCRIPT_VERSION, typesContext } from "../../src/emit/emit-types.js";
import { fixture, projectRoot } from "../helpers/generate.js";

const pkg = join(projectRoot, "node_modules", "openapi-typescript");

/** The keys of the context object openapiTS() builds, read from the installed package's code. */
function installedContextKeys(): string[] {
  const code = readFileSync(join(pkg, "dist", "index.mjs"), "utf8");
  const block = /const ctx = \{\n([\s\S]*?)\n {2}\};/.exec(code)?.[1];
  if (!block) throw new Error("openapi-typescript's openapiTS() no longer builds `const ctx = {…}`: re-read it and update typesContext");
  return [...block.matchAll(/^ {4}(\w+)\s*[:(,]/gm)].map((m) => m[1]!);
}

/** The properties of the GlobalContext type in the installed declarations. */
function declaredContextKeys(): string[] {
  const file = join(pkg, "dist", "index.d.mts");
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const decl = program.getSourceFile(file)!.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "GlobalContext");
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
    expect(installed, "openapi-typescript was upgraded: compare typesContext with openapiTS() in its dist/index.mjs, then update OPENAPI_TYPESCRIPT_VERSION").toBe(OPENAPI_TYPESCRIPT_VERSION);
  });

  it("has exactly the keys openapiTS() sets and GlobalContext declares", () => {
    const ours = Object.keys(typesContext(doc)).sort();
    expect(ours).toEqual(installedContextKeys().sort());
    expect(ours).toEqual(declaredContextKeys().sort());
  });

  it("gives the same types.ts as openapiTS() with its defaults", async () => {
    const ours = astToString(transformSchema(doc, typesContext(doc)));
    const theirs = astToString(await openapiTS(doc, { silent: true }));
    expect(ours).toBe(theirs);
  }, 30_000);
});
