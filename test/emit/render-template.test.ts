import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratorAssets, PrecompiledTemplate } from "../../src/generator-assets.js";
import { precompileTemplates, renderTemplate } from "../../src/emit/render-template.js";

/** The module precompileTemplates writes, loaded as read-assets.ts loads dist/templates.cjs. */
function precompiled(templates: Record<string, string>): Map<string, PrecompiledTemplate> {
  const file = join(mkdtempSync(join(tmpdir(), "clientgen-templates-")), "templates.cjs");
  writeFileSync(file, precompileTemplates(new Map(Object.entries(templates))));
  return new Map(Object.entries(createRequire(import.meta.url)(file) as Record<string, PrecompiledTemplate>));
}

const assets = (templates: Record<string, string>, ahead?: Map<string, PrecompiledTemplate>): GeneratorAssets => ({
  runtime: new Map(),
  cliRuntime: new Map(),
  templates: new Map(Object.entries(templates)),
  ...(ahead ? { precompiled: ahead } : {}),
  version: "0.0.0",
});

describe("templates compiled ahead by npm run build", () => {
  const source = "{{#each items}}- {{name}} <{{url}}>\n{{/each}}";

  it("render what compiling the source renders, unescaped and strict", () => {
    const data = { items: [{ name: "a & b", url: "https://x.io/?a=1&b=2" }] };
    const ahead = renderTemplate(assets({ list: source }, precompiled({ list: source })), "list", data);
    expect(ahead).toBe(renderTemplate(assets({ list: source }), "list", data));
    expect(ahead).toBe("- a & b <https://x.io/?a=1&b=2>\n");
    expect(() =>
      renderTemplate(assets({ list: source }, precompiled({ list: source })), "list", { items: [{ name: "a" }] }),
    ).toThrow(/url/);
  });

  it("are used while the template's source is the one they were compiled from", () => {
    const ahead = precompiled({ greet: "Bye {{name}}" });
    ahead.set("greet", { ...ahead.get("greet")!, source: "Hello {{name}}" });
    expect(renderTemplate(assets({ greet: "Hello {{name}}" }, ahead), "greet", { name: "x" })).toBe("Bye x");
  });

  it("give way to the current source once templates/ has been edited since the build", () => {
    const ahead = precompiled({ greet: "Bye {{name}}" });
    expect(renderTemplate(assets({ greet: "Hello {{name}}" }, ahead), "greet", { name: "x" })).toBe("Hello x");
  });
});

describe("the compiled-template memo", () => {
  it("is keyed by the template's source: a template changed in the same assets renders its new text", () => {
    const a = assets({ page: "one {{x}}" });
    expect(renderTemplate(a, "page", { x: 1 })).toBe("one 1");
    a.templates.set("page", "two {{x}}");
    expect(renderTemplate(a, "page", { x: 2 })).toBe("two 2");
  });
});
