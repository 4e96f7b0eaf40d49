import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as runtime from "../../src/runtime/index.js";
import { PUBLIC_EXPORTS } from "../../src/runtime/public-exports.js";
import { RESERVED } from "../../src/name/reserved-names.js";
import { projectRoot } from "../helpers/generate.js";

/** What the type checker says src/runtime/index.ts exports: each name, and whether it is only a type. */
function checkerExports(): Map<string, "value" | "type"> {
  const file = join(projectRoot, "src", "runtime", "index.ts");
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const out = new Map<string, "value" | "type">();
  for (const s of checker.getExportsOfModule(symbol)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    out.set(s.name, target.flags & ts.SymbolFlags.Value ? "value" : "type");
  }
  return out;
}

/** PUBLIC_EXPORTS is what the generator re-exports and reserves: it must name real exports of the right kind. */
describe("the runtime's PUBLIC_EXPORTS constant", () => {
  const exported = checkerExports();

  it.each(["types", "builderTypes", "importedTypes"] as const)(
    "lists %s the runtime really exports as types",
    (list) => {
      for (const name of PUBLIC_EXPORTS[list]) expect(exported.get(name), name).toBe("type");
    },
  );

  it("has no list of values: the entry points re-export the runtime's classes, read from the module", () => {
    expect(Object.keys(PUBLIC_EXPORTS)).not.toContain("values");
    const errors = [...exported.keys()].filter(
      (name) => /^[A-Z]\w*Error$/.test(name) && exported.get(name) === "value",
    );
    expect(errors.length).toBeGreaterThan(10);
    expect(RESERVED.entryValues).toEqual(expect.arrayContaining([...errors, "APIPromise", "Page", "PagePromise"]));
    for (const name of RESERVED.entryValues) {
      expect(exported.get(name), name).toBe("value");
      expect(typeof (runtime as Record<string, unknown>)[name], name).toBe("function");
    }
    // Generated code extends these; users never construct them.
    expect(RESERVED.entryValues).not.toContain("ClientCore");
    expect(RESERVED.entryValues).not.toContain("APIResource");
  });

  it("clientOptions holds every ClientOptions key", () => {
    const program = ts.createProgram([join(projectRoot, "src", "runtime", "types.ts")], { noEmit: true });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(join(projectRoot, "src", "runtime", "types.ts"))!;
    const decl = source.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "ClientOptions",
    )!;
    const keys = checker.getPropertiesOfType(checker.getTypeAtLocation(decl)).map((p) => p.name);
    expect([...PUBLIC_EXPORTS.clientOptions].sort()).toEqual(keys.sort());
  });
});
