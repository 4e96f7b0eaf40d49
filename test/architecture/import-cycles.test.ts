import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, sourceFiles, src, underSrc } from "../helpers/src-imports.js";

/**
 * No module of src/ reaches itself through its imports, type-only and dynamic ones included: a
 * circle makes load order matter and leaves no place to start reading.
 */
/**
 * Circles in a graph, as the paths that close them (first node repeated at the end): one for each edge
 * back into the depth-first walk's open path, so none exactly when the graph has no circle.
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe("import cycles", () => {
  it("finds a circle, and only circles", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c", "d"]],
      ["c", ["a"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(findCycles(graph)).toEqual([
      ["a", "b", "c", "a"],
      ["e", "e"],
    ]);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
          ["c", ["a", "b"]],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads type-only and dynamic imports as edges", () => {
    const text = 'import type { X } from "./x.js";\nconst { y } = await import("../y.js");\n';
    expect(importsOf(join(src, "name", "a.ts"), text)).toEqual(["name/x.ts", "y.ts"]);
  });

  it("no module in src/ imports itself through others", () => {
    const graph = new Map(sourceFiles(src).map((p) => [underSrc(p), importsOf(p)] as const));
    expect(graph.size).toBeGreaterThan(50);
    expect(findCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });
});
