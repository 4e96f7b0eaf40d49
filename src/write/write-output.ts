import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { FileSet } from "../emit/file-set.js";
import { isWithin, type ProviderJob } from "../load/provider-job.js";
import { compareOutput, isClean, type OutputDiff } from "./compare-output.js";
import { MANIFEST_FILE } from "./manifest.js";
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

export interface WriteOptions {
  layout?: ProviderJob["layout"];
  /** The manifest's text for a list of files (manifest.ts), written with them; none when absent. */
  manifest?: (paths: Iterable<string>) => string;
  /** What clientgen did not write and leaves where it is (check-target.ts): files, and folders ending in `/`. */
  keep?: readonly string[];
}

/**
 * Replaces what clientgen wrote in `outDir` with exactly `files`, or leaves it alone when nothing
 * changed. A folder that is wholly clientgen's is written in full beside the old one and swapped in
 * with two renames, so a run that dies part way leaves the previous output (or, between the
 * renames, a copy the next run puts back). A folder that also holds files clientgen did not write
 * (`keep`, with --force), or that this process works in, is never swapped away: it is updated in
 * place (see updateInPlace), so those files are never moved, and nobody is left in a deleted folder.
 */
export function writeOutput(
  outDir: string,
  files: FileSet,
  staged?: StagedOutput,
  { layout = "package", manifest, keep = [] }: WriteOptions = {},
): OutputDiff {
  if (!staged) recoverInterruptedSwap(outDir);
  const diff = compareOutput(outDir, files, layout, keep);
  const inPlace = keep.length > 0 || isWithin(process.cwd(), outDir);
  if (isClean(diff) || inPlace) {
    if (staged) discardStaged(staged);
    if (!isClean(diff)) updateInPlace(outDir, files, diff, manifest);
    else if (manifest && readText(join(outDir, MANIFEST_FILE)) !== manifest(files.keys()))
      writeAtomically(join(outDir, MANIFEST_FILE), manifest(files.keys()));
    return diff;
  }
  mkdirSync(dirname(outDir), { recursive: true });
  const tmp = tmpFor(outDir);
  const old = join(dirname(outDir), `${OLD}${basename(outDir)}-${process.pid}`);
  if (!staged) rmSync(tmp, { recursive: true, force: true });
  try {
    writeFiles(tmp, staged ? [...files].filter(([path]) => !staged.written.has(path)) : files);
    keepUnmanaged(outDir, tmp, layout);
    if (manifest) writeFileSync(join(tmp, MANIFEST_FILE), manifest(files.keys()));
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

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

/** A whole file or none: written beside its place under a temporary name, then renamed over it. */
function writeAtomically(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `${TMP}${basename(path)}-${process.pid}`);
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/**
 * Each changed file replaced whole, then each file clientgen wrote and no longer makes deleted;
 * nothing else touched. Not one atomic step, so the manifest first lists old and new files alike:
 * a run that dies part way leaves every generated file accounted for, and the next run finishes
 * the job without --force.
 */
function updateInPlace(outDir: string, files: FileSet, diff: OutputDiff, manifest: WriteOptions["manifest"]): void {
  if (manifest) writeAtomically(join(outDir, MANIFEST_FILE), manifest(new Set([...files.keys(), ...diff.removed])));
  for (const path of [...diff.added, ...diff.changed]) writeAtomically(join(outDir, path), files.get(path)!);
  for (const path of diff.removed) {
    rmSync(join(outDir, path), { force: true });
    // Folders emptied by the removal go too; a folder holding anything else stays.
    for (let dir = dirname(join(outDir, path)); dir !== outDir && readdirSync(dir).length === 0; dir = dirname(dir))
      rmdirSync(dir);
  }
  if (manifest) writeAtomically(join(outDir, MANIFEST_FILE), manifest(files.keys()));
}

/** A package's own build outputs (`npm install`, `npm run build`, `npm pack` inside it) survive regeneration. */
function keepUnmanaged(outDir: string, tmp: string, layout: ProviderJob["layout"]): void {
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    // The manifest is written anew: the old one lists the old files.
    if (entry.name === MANIFEST_FILE) continue;
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
