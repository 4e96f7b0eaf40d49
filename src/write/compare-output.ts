import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { FileSet } from "../emit/file-set.js";
import type { ProviderJob } from "../load/provider-job.js";
import { isUnmanaged } from "./unmanaged.js";

type Layout = ProviderJob["layout"];

export interface OutputDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

export const isClean = (d: OutputDiff): boolean => d.added.length + d.changed.length + d.removed.length === 0;

/** Is `path` one of `keep`'s files, or inside one of its folders (ending in `/`)? */
const isKept = (path: string, keep: readonly string[]): boolean =>
  keep.some((k) => (k.endsWith("/") ? path.startsWith(k) : path === k));

function listFiles(root: string, layout: Layout, keep: readonly string[]): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (isUnmanaged(entry.name, { topLevel: dir === root, isDirectory: entry.isDirectory() }, layout)) continue;
      if (entry.isDirectory()) walk(path);
      else {
        const rel = relative(root, path).split("\\").join("/");
        if (!isKept(rel, keep)) out.push(rel);
      }
    }
  };
  walk(root);
  return out.sort();
}

/**
 * What writing `files` to `outDir` would change. A package's own build outputs (see unmanaged.ts),
 * and what clientgen did not write and keeps (`keep`, see check-target.ts), are not ours to judge.
 */
export function compareOutput(
  outDir: string,
  files: FileSet,
  layout: Layout = "package",
  keep: readonly string[] = [],
): OutputDiff {
  const onDisk = new Set(listFiles(outDir, layout, keep));
  const diff: OutputDiff = { added: [], changed: [], removed: [] };
  for (const [path, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!onDisk.has(path)) diff.added.push(path);
    else if (readFileSync(join(outDir, path), "utf8") !== contents) diff.changed.push(path);
    onDisk.delete(path);
  }
  diff.removed = [...onDisk];
  return diff;
}
