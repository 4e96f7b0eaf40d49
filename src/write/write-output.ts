import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { FileSet } from "../emit/file-set.js";
import type { ProviderJob } from "../load/provider-job.js";
import { compareOutput, isClean, type OutputDiff } from "./compare-output.js";
import { isUnmanaged } from "./unmanaged.js";

const TMP = ".clientgen-tmp-";
const OLD = ".clientgen-old-";

/** Files already written into the folder that is to replace `outDir` (see startStaging). */
export interface StagedOutput {
  tmp: string;
  written: ReadonlySet<string>;
}

const tmpFor = (outDir: string): string => join(dirname(outDir), `${TMP}${basename(outDir)}-${process.pid}`);

function writeFiles(root: string, files: Iterable<[string, string]>): void {
  // A package holds over a thousand files for a large API: one mkdir per folder, not per file.
  const made = new Set<string>();
  for (const [path, contents] of files) {
    const target = join(root, path);
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(target, contents);
  }
}

/** Writes a package that does not exist yet part by part, while the rest is still being made (see startStaging). */
export interface Stager {
  add(files: FileSet): void;
  /** Once every write has settled: the staged folder, or the first failure (the folder then removed). */
  finish(): Promise<StagedOutput>;
}

/**
 * For a package that does not exist yet: writes the files made so far into the folder that will
 * become it, while the rest (the next emitters' files; openapi-typescript's types, on the other
 * core) is still being made. Creating ~2,400 files is kernel time, so the writes go to libuv's
 * thread pool instead of this thread, all in flight at once (a path given twice is written in
 * order). Writing them one at a time was measured and lost, on a quiet filesystem and right after
 * a deletion alike (README, Performance). `writeOutput` then adds the rest and swaps the folder in;
 * `discardStaged` throws it away.
 */
export function startStaging(outDir: string): Stager {
  recoverInterruptedSwap(outDir);
  const tmp = tmpFor(outDir);
  rmSync(tmp, { recursive: true, force: true });
  const made = new Set<string>();
  // The latest write of each path; a path given again is written after its earlier write, never beside it.
  const writes = new Map<string, Promise<void>>();
  // Made on this thread, once per folder (few); a failure is reported by finish(), like a failed write.
  const madeFolder = (dir: string): Promise<void> => {
    try {
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  };
  return {
    add(files) {
      for (const [path, contents] of files) {
        const target = join(tmp, path);
        const before = writes.get(path);
        const write = madeFolder(dirname(target)).then(() =>
          before ? before.then(() => writeFile(target, contents)) : writeFile(target, contents),
        );
        write.catch(() => {}); // reported by finish()
        writes.set(path, write);
      }
    },
    async finish() {
      const settled = await Promise.allSettled(writes.values());
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (failed) {
        rmSync(tmp, { recursive: true, force: true });
        throw failed.reason;
      }
      return { tmp, written: new Set(writes.keys()) };
    },
  };
}

export function discardStaged(staged: StagedOutput): void {
  rmSync(staged.tmp, { recursive: true, force: true });
}

/**
 * Replaces `outDir` with exactly `files`, or leaves it alone when nothing changed. The new package
 * is written in full beside the old one and swapped in with two renames, so a run that dies part
 * way leaves the previous output (or, between the renames, a copy the next run puts back).
 */
export function writeOutput(
  outDir: string,
  files: FileSet,
  staged?: StagedOutput,
  layout: ProviderJob["layout"] = "package",
): OutputDiff {
  if (!staged) recoverInterruptedSwap(outDir);
  const diff = compareOutput(outDir, files, layout);
  if (isClean(diff)) {
    if (staged) discardStaged(staged);
    return diff;
  }
  mkdirSync(dirname(outDir), { recursive: true });
  const tmp = tmpFor(outDir);
  const old = join(dirname(outDir), `${OLD}${basename(outDir)}-${process.pid}`);
  if (!staged) rmSync(tmp, { recursive: true, force: true });
  try {
    writeFiles(tmp, staged ? [...files].filter(([path]) => !staged.written.has(path)) : files);
    keepUnmanaged(outDir, tmp, layout);
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
function keepUnmanaged(outDir: string, tmp: string, layout: ProviderJob["layout"]): void {
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (isUnmanaged(entry.name, { topLevel: true, isDirectory: entry.isDirectory() }, layout))
      renameSync(join(outDir, entry.name), join(tmp, entry.name));
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
