import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/generate.js";

/** Every module `from` reaches through static and dynamic imports, except the entries in `stopAt`. */
function importGraph(from: string, stopAt: Set<string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (graph.has(file) || stopAt.has(file)) return;
    const text = readFileSync(file, "utf8");
    // The compiler's own scan finds static and dynamic imports, not the import lines emitters write into strings.
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    graph.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith(".")) visit(resolve(dirname(file), s.replace(/\.js$/, ".ts")));
  };
  visit(from);
  return graph;
}

describe("ts-morph stays out of the generate path", () => {
  it("nothing `clientgen generate` can load imports ts-morph; `clientgen diff` does", () => {
    const src = resolve(projectRoot, "src");
    const generate = importGraph(resolve(src, "cli.ts"), new Set([resolve(src, "commands", "run-diff.ts")]));
    expect(generate.has(resolve(src, "pipeline.ts"))).toBe(true);
    const offenders = [...generate].filter(([, specifiers]) =>
      specifiers.some((s) => s === "ts-morph" || s.startsWith("@ts-morph/")),
    );
    expect(offenders.map(([file]) => file)).toEqual([]);
    const diff = importGraph(resolve(src, "commands", "run-diff.ts"), new Set());
    expect([...diff.values()].some((specifiers) => specifiers.includes("ts-morph"))).toBe(true);
  });
});
