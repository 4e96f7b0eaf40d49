import type { GeneratorAssets } from "../../generator-assets.js";
import type { FileSet } from "../file-set.js";

/**
 * The runtime, byte for byte, under `src/runtime/`: every package carries its own copy and needs no
 * dependency. Only the modules `index.ts` reaches are copied, so metadata only the generator reads
 * (`public-exports.ts`) stays out of packages.
 */
export function emitRuntime(assets: GeneratorAssets): FileSet {
  return copyReachable(assets.runtime, "src/runtime");
}

/**
 * The modules of `files` (paths relative to one folder) that `index.ts` and the other `roots` import,
 * directly or not, with the roots themselves, copied under `folder`.
 */
export function copyReachable(files: ReadonlyMap<string, string>, folder: string, roots: string[] = []): FileSet {
  const reached = new Set<string>();
  const visit = (path: string): void => {
    const text = files.get(path);
    if (text === undefined || reached.has(path)) return;
    reached.add(path);
    for (const specifier of relativeImports(text)) visit(resolveSibling(path, specifier));
  };
  for (const root of ["index.ts", ...roots]) visit(root);
  return new Map([...files].filter(([path]) => reached.has(path)).map(([path, text]) => [`${folder}/${path}`, text]));
}

/** `./errors.js` and `../x/y.js` of every `import … from`, `export … from` and `import("…")` in a module. */
function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm))
    found.push(match[1]!);
  return found;
}

/** `request-builder.ts` importing `./errors.js` → `errors.ts`. */
function resolveSibling(from: string, specifier: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.replace(/\.js$/, ".ts").split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}
