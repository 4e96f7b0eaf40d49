import { describe, expect, it } from "vitest";
import { importsOf, sourceFiles, src, underSrc } from "../helpers/src-imports.js";

/**
 * Stages import downward only: cli (cli.ts, commands/) → pipeline → write/emit → name → model → check/load → runtime.
 * Top-level shared files (diagnostics, ts-syntax, did-you-mean, generator-assets, text-memo) sit below every stage. `diff` (clientgen
 * diff, reading generated packages with ts-morph) sits beside the pipeline: only the CLI imports it.
 */
const LAYERS: [prefix: string, rank: number][] = [
  ["cli", 7],
  ["commands", 7],
  ["pipeline", 6],
  ["types-worker", 6],
  ["diff", 6],
  ["write", 5],
  ["emit", 5],
  ["name", 4],
  ["model", 3],
  ["check", 2],
  ["load", 2],
  ["runtime", 1],
  // The command-line engine: copied into packages beside the runtime, which it calls.
  ["runtime-cli", 1],
  ["diagnostics", 0],
  ["ts-syntax", 0],
  ["did-you-mean", 0],
  ["generator-assets", 0],
  ["text-memo", 0],
];

function rankOf(file: string): number {
  const first = file.split("/")[0]!.replace(/\.[jt]s$/, "");
  const found = LAYERS.find(([prefix]) => prefix === first);
  if (!found) throw new Error(`src/${file} belongs to no layer: add it to LAYERS`);
  return found[1];
}

describe("stage layering", () => {
  const files = sourceFiles(src).map((p) => [underSrc(p), p] as const);

  it("finds the stages", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)("src/%s imports only its own layer and those below", (file, path) => {
    const rank = rankOf(file);
    const upward = importsOf(path).filter(
      (target) => rankOf(target) > rank && target.split("/")[0] !== file.split("/")[0],
    );
    expect(upward).toEqual([]);
  });

  it("no calling style imports another: what they share lives in emit/", () => {
    const style = (f: string) => /^emit\/styles\/([^/]+)\//.exec(f)?.[1];
    const offending = files.flatMap(([file, path]) =>
      importsOf(path)
        .filter((t) => style(file) && style(t) && style(t) !== style(file))
        .map((t) => `${file} → ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it("the style registry is read by the package emitter alone, which hands it to the docs; no style reaches into package/", () => {
    const offending = files.flatMap(([file, path]) =>
      importsOf(path)
        .filter(
          (t) =>
            (t === "emit/styles/index.ts" && !file.startsWith("emit/styles/") && file !== "emit/emit-package.ts") ||
            (file.startsWith("emit/styles/") && t.startsWith("emit/package/")),
        )
        .map((t) => `${file} → ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it("emit reads no files of load/, and check/ none of model/", () => {
    const offending = files.flatMap(([file, path]) =>
      importsOf(path)
        .filter(
          (t) =>
            (file.startsWith("emit/") && t.startsWith("load/")) ||
            (file.startsWith("check/") && t.startsWith("model/")),
        )
        .map((t) => `${file} → ${t}`),
    );
    expect(offending).toEqual([]);
  });
});
