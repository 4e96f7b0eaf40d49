import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { FileSet } from "../emit/file-set.js";
import { compareOutput, isClean, type OutputDiff } from "./compare-output.js";
import { isUnmanaged } from "./unmanaged.js";

const TMP = ".clientgen-tmp-";
const OLD = ".clientgen-old-";

/**
 * Replaces `outDir` with exactly `files`, or leaves it alone when nothing changed. The new package
 * is written in full beside the old one and swapped in with two renames, so a run that dies part
 * way leaves the previous output (or, between the renames, a copy the next run puts back).
 */
export function writeOutput(outDir: string, files: FileSet): OutputDiff {
  recoverInterruptedSwap(outDir);
  const diff = compareOutput(outDir, files);
  if (isClean(diff)) return diff;
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `${TMP}${basename(outDir)}-${process.pid}`);
  const old = join(parent, `${OLD}${basename(outDir)}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    // A package holds over a thousand files for a large API: one mkdir per folder, not per file.
    const made = new Set<string>();
    for (const [path, contents] of files) {
      const target = join(tmp, path);
      const dir = dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      writeFileSync(target, contents);
    }
    keepUnmanaged(outDir, tmp);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
  return diff;
}

/** A package's own build outputs (`npm install`, `npm run build`, `npm pack` inside it) survive regeneration. */
function keepUnmanaged(outDir: string, tmp: string): void {
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (isUnmanaged(entry.name, { topLevel: true, isDirectory: entry.isDirectory() })) renameSync(join(outDir, entry.name), join(tmp, entry.name));
  }
}

function recoverInterruptedSwap(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    const full = join(parent, entry);
    if (entry.startsWith(`${OLD}${basename(outDir)}-`)) {
      if (!existsSync(outDir)) renameSync(full, outDir);
      else rmSync(full, { recursive: true, force: true });
    } else if (entry.startsWith(`${TMP}${basename(outDir)}-`)) {
      rmSync(full, { recursive: true, force: true });
    }
  }
}
