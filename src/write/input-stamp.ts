import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { FileSet } from "../emit/file-set.js";
import type { InputFile, ProviderJob } from "../load/provider-job.js";

/** Kept in each output folder; ignored by git (the package's .gitignore), by `--check` and by the write stage. */
export const STAMP_FILE = ".clientgen-inputs.json";

/**
 * What an output was made from: the generator, the job's options, a sha256 of each input file's
 * text, and each output file's size and modification time as written. When all of them still hold,
 * generating again would write the same files, so `generate` skips the provider without loading
 * the pipeline.
 */
interface InputStamp {
  generator: string;
  job: string;
  operations: number;
  /** Path relative to the output folder → sha256 of its text. */
  inputs: Record<string, string>;
  /** Path in the output folder → [size, mtimeMs]. */
  outputs: Record<string, [number, number]>;
}

const posix = (p: string): string => p.split("\\").join("/");
/** Over UTF-8 bytes: an input's text when written, the file's bytes when checked (a file with a BOM is simply never skipped). */
const sha256 = (content: string | Buffer): string => createHash("sha256").update(content).digest("hex");

/** The options that change what a job writes (its inputs' contents are hashed separately). */
function describeJob(job: ProviderJob): string {
  const rel = (p?: string) => (p ? posix(relative(job.outDir, p)) : null);
  return JSON.stringify({
    provider: job.provider,
    spec: rel(job.specPath),
    config: rel(job.configPath),
    name: job.name ?? null,
    layout: job.layout ?? "package",
  });
}

function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function outputsUnchanged(outDir: string, outputs: InputStamp["outputs"]): boolean {
  for (const [path, [size, mtimeMs]] of Object.entries(outputs)) {
    const stat = statSync(join(outDir, path), { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/** For an output that is still what its stamp says: its operation count and input files. Undefined when the job must run. */
export function upToDate(
  job: ProviderJob,
  generator: () => string,
): { operations: number; inputs: string[] } | undefined {
  const raw = readBytes(join(job.outDir, STAMP_FILE));
  if (raw === undefined) return undefined;
  let stamp: InputStamp;
  try {
    stamp = JSON.parse(raw.toString("utf8")) as InputStamp;
  } catch {
    return undefined;
  }
  if (stamp.generator !== generator() || stamp.job !== describeJob(job) || !stamp.inputs || !stamp.outputs)
    return undefined;
  for (const [path, hash] of Object.entries(stamp.inputs)) {
    const current = readBytes(resolve(job.outDir, path));
    if (current === undefined || sha256(current) !== hash) return undefined;
  }
  if (!outputsUnchanged(job.outDir, stamp.outputs)) return undefined;
  return { operations: stamp.operations, inputs: Object.keys(stamp.inputs).map((path) => resolve(job.outDir, path)) };
}

/** Records what `files` (just written to, or found unchanged in, `job.outDir`) were made from. */
export function writeStamp(
  job: ProviderJob,
  generator: string,
  inputs: InputFile[],
  operations: number,
  files: FileSet,
): void {
  const stamp: InputStamp = { generator, job: describeJob(job), operations, inputs: {}, outputs: {} };
  for (const input of inputs) stamp.inputs[posix(relative(job.outDir, input.absPath))] = sha256(input.text);
  for (const path of [...files.keys()].sort()) {
    const stat = statSync(join(job.outDir, path));
    stamp.outputs[path] = [stat.size, stat.mtimeMs];
  }
  writeFileSync(join(job.outDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}
