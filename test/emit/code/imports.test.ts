import { describe, expect, it } from "vitest";
import { Imports, relativeModule } from "../../../src/emit/code/imports.js";
import { indexedType, modelType } from "../../../src/emit/code/type-exprs.js";

describe("the import collector", () => {
  it("imports what was used, each once, modules in first-use order, a types-only module with `import type`, sorted", () => {
    const imports = new Imports("resources/user/invites")
      .value("operations/user", "listInvites", "getInvite")
      .module("models")
      .value("runtime/index", "APIResource")
      .type("runtime/index", "RequestOptions", "APIResource")
      .uses(
        modelType("ListInvitesParams"),
        indexedType(["paths", "/x", "get"]),
        modelType("Invite"),
        modelType("Invite"),
      );
    expect(imports.file("// banner\n", "\nexport class X {}\n")).toBe(
      [
        "// banner",
        'import { listInvites, getInvite } from "../../operations/user.js";',
        'import type { Invite, ListInvitesParams } from "../../models.js";',
        'import { APIResource, type RequestOptions } from "../../runtime/index.js";',
        'import type { paths } from "../../types.js";',
        "",
        "export class X {}",
        "",
      ].join("\n"),
    );
  });

  it("a module reserved but never used gives no line, and a file never imports itself", () => {
    const imports = new Imports("models").module("types").type("models", "Invite");
    expect(imports.file("// b\n", "export type A = string;\n")).toBe("// b\nexport type A = string;\n");
  });

  it.each([
    ["index", "core", "./core.js"],
    ["operations/user", "runtime/index", "../runtime/index.js"],
    ["resources/user/invites", "models", "../../models.js"],
  ])("from %s, %s is %s", (from, module, specifier) => {
    expect(relativeModule(from, module)).toBe(specifier);
  });
});
