import type { ProviderJob } from "../load/provider-job.js";
import { STAMP_FILE } from "./input-stamp.js";
import { MANIFEST_FILE } from "./manifest.js";

const OWN_RECORDS: ReadonlySet<string> = new Set([STAMP_FILE, MANIFEST_FILE]);

const LOCK_FILES: ReadonlySet<string> = new Set(["package-lock.json", "pnpm-lock.yaml", "yarn.lock"]);

/**
 * What lives in an output folder without being generated: clientgen's own records (the input stamp,
 * and the manifest of what it wrote, manifest.ts) and, in a package, its own build outputs (`dist/`
 * from `npm run build`, `node_modules/` and a lock file from `npm install`, `*.tgz` from `npm pack`).
 * `--check` does not call them stale, `generate` never deletes them, and the folder's .gitignore lists
 * them, the committed manifest aside. A `sources` folder is not built where it lies (the project
 * around it compiles it), so there only clientgen's records are not its files to manage.
 */
export function isUnmanaged(
  name: string,
  { topLevel, isDirectory }: { topLevel: boolean; isDirectory: boolean },
  layout: ProviderJob["layout"] = "package",
): boolean {
  if (layout === "sources") return topLevel && !isDirectory && OWN_RECORDS.has(name);
  if (isDirectory) return name === "node_modules" || (topLevel && name === "dist");
  return topLevel && (OWN_RECORDS.has(name) || name.endsWith(".tgz") || LOCK_FILES.has(name));
}
