import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/generate.js";

/**
 * DESIGN convention 2: no module-level mutable state, except a memo keyed by its whole input and said
 * so where it lives. A module-level binding is state when it is a `let` or `var`, a Map, Set, WeakMap or
 * WeakSet not typed read-only, an empty array, or a rememberText memo; each must sit under a comment
 * saying it is a memo and what it is keyed by. src/runtime/ is left out: it ships in packages, where a
 * client's state is its own business.
 */
const src = join(projectRoot, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const STATE = [
  /^(?:export )?(?:let|var) /,
  /^(?:export )?const \w+(?:: (?!Readonly)[^=]+)? = new (?:Map|Set|WeakMap|WeakSet)\b/,
  /^(?:export )?const \w+(?:: [^=]+)? = \[\];/,
  /^(?:export )?const \w+(?:: [^=]+)? = rememberText\(/,
];

/** The comment lines right above line `i` (a JSDoc block or `//` lines), joined. */
function commentAbove(lines: string[], i: number): string {
  const out: string[] = [];
  for (let j = i - 1; j >= 0 && /^\s*(\/\/|\/\*\*?|\*)/.test(lines[j]!); j--) out.unshift(lines[j]!);
  return out.join(" ");
}

/** Module-level state in `text` without a comment saying it is a memo and what it is keyed by, as `line: text`. */
function unsaidState(text: string): string[] {
  const lines = text.split("\n");
  return lines.flatMap((line, i) =>
    STATE.some((re) => re.test(line)) && !/\bmemo\b[\s\S]*\bkeyed by\b/i.test(commentAbove(lines, i))
      ? [`${i + 1}: ${line}`]
      : [],
  );
}

describe("module-level state", () => {
  const files = sourceFiles(src)
    .map((p) => relative(src, p).split("\\").join("/"))
    .filter((f) => !f.startsWith("runtime/"));

  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)("src/%s has none but memos that say what they are keyed by", (file) => {
    expect(unsaidState(readFileSync(join(src, file), "utf8"))).toEqual([]);
  });

  it("catches state without the note, and passes it with one", () => {
    expect(unsaidState("let count = 0;")).toEqual(["1: let count = 0;"]);
    expect(unsaidState("const seen = new Map<string, number>();")).toHaveLength(1);
    expect(unsaidState("export const queue: string[] = [];")).toHaveLength(1);
    expect(unsaidState("const slug = rememberText((s: string) => s);")).toHaveLength(1);
    expect(unsaidState("/** Lookups. */\nconst seen = new Set<string>();")).toHaveLength(1);
    expect(unsaidState("const KNOWN: ReadonlySet<string> = new Set(['a']);")).toEqual([]);
    expect(unsaidState("/** Memo, keyed by the document. */\nconst seen = new WeakMap<object, string>();")).toEqual([]);
    expect(unsaidState("  let local = 0;")).toEqual([]);
  });
});
