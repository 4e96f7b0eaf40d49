import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ProviderJob } from "../load/provider-job.js";

/**
 * Kept in each output folder and committed with it: which files clientgen wrote there, from which
 * spec. It is how clientgen knows, in a fresh clone too, what it may replace or delete: nothing that
 * is not listed. Unlike the input stamp it holds no times or machine paths, so it is the same bytes
 * on every machine.
 */
export const MANIFEST_FILE = ".clientgen-manifest.json";

export interface Manifest {
  provider: string;
  /** The spec, relative to the output folder. */
  spec: string;
  files: string[];
}

const posix = (p: string): string => p.split("\\").join("/");

export function manifestText(
  job: Pick<ProviderJob, "provider" | "specPath" | "outDir">,
  files: Iterable<string>,
): string {
  const manifest = {
    note: "Written by clientgen: the files it generated here. It deletes or replaces only these. Do not edit.",
    provider: job.provider,
    spec: posix(relative(job.outDir, job.specPath)),
    files: [...files].sort(),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The folder's manifest, or undefined when it has none (or one that cannot be read). */
export function readManifest(outDir: string): Manifest | undefined {
  try {
    const data = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    if (typeof data.provider !== "string" || typeof data.spec !== "string" || !Array.isArray(data.files))
      return undefined;
    return { provider: data.provider, spec: data.spec, files: data.files.filter((f) => typeof f === "string") };
  } catch {
    return undefined;
  }
}
