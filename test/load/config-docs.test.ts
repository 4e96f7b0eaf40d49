import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configShape, type Shape } from "../../src/load/config-schema.js";
import { projectRoot } from "../helpers/generate.js";

/** Every key clientgen.yaml accepts, read from its shape: `[key, parent path]`, variants' fields included. */
function keysOf(shape: Shape, at: string[] = []): [string, string[]][] {
  if (typeof shape === "string" || "enum" in shape) return [];
  if ("map" in shape) return keysOf(shape.map, [...at, "*"]);
  if ("tagged" in shape) return Object.values(shape.variants).flatMap((variant) => keysOf(variant, at));
  return Object.entries(shape.fields).flatMap(([key, inner]) => [
    [key, at] as [string, string[]],
    ...keysOf(inner, [...at, key]),
  ]);
}

const readme = readFileSync(join(projectRoot, "docs", "configuration.md"), "utf8");
const pagination = [
  ...new Set(
    keysOf(configShape)
      .filter(([, at]) => at.at(-1) === "pagination")
      .map(([k]) => k),
  ),
];

describe("clientgen.yaml's pagination keys are documented", () => {
  it("finds the pagination keys in the shape", () => {
    expect(pagination).toEqual(
      expect.arrayContaining(["items", "cursorParam", "nextCursor", "cursorItemField", "info"]),
    );
  });

  it.each(pagination)("docs/configuration.md's pagination table explains %s", (key) => {
    const table = readme.slice(readme.indexOf("#### Pagination"));
    expect(table).toMatch(new RegExp(`^\\| [^|]*\`${key}\`[^|]*\\| [a-z, ]+ \\| \\S`, "m"));
  });
});

describe("the init template lists every setting", () => {
  const template = readFileSync(join(projectRoot, "templates", "init", "clientgen.yaml.hbs"), "utf8");
  const keys = [...new Set(keysOf(configShape).map(([k]) => k))];

  it.each(keys)("%s, in a comment", (key) => {
    expect(template).toMatch(new RegExp(`^#(?:.*[\\s{,])?${key}:`, "m"));
  });

  it("every line is a comment, so the file sets nothing until edited", () => {
    expect(template.split("\n").filter((l) => l.trim() && !l.startsWith("#") && !l.startsWith("{{"))).toEqual([]);
  });
});
