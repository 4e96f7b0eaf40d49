import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "./generate.js";

export const src = join(projectRoot, "src");

/** Every .ts file under a folder, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** A path as the architecture tests name it: under src/, with forward slashes. */
export const underSrc = (path: string): string => relative(src, path).split("\\").join("/");

/** Every relative import of a file (static, type-only, re-export and dynamic), as a path under src/. */
export function importsOf(path: string, text = readFileSync(path, "utf8")): string[] {
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\b[^;]*?from "(\.[^"]+)"/gm),
    ...text.matchAll(/import\("(\.[^"]+)"\)/g),
  ].map((m) => m[1]!);
  return specifiers.map((s) => underSrc(join(path, "..", s)).replace(/\.js$/, ".ts"));
}
