import { STAMP_FILE } from "./input-stamp.js";

const LOCK_FILES = new Set(["package-lock.json", "pnpm-lock.yaml", "yarn.lock"]);

/**
 * What lives in an output folder without being generated: the package's own build outputs
 * (`dist/` from `npm run build`, `node_modules/` and a lock file from `npm install`, `*.tgz` from
 * `npm pack`) and clientgen's input stamp. `--check` does not call them stale and `generate` never deletes them.
 */
export function isUnmanaged(name: string, { topLevel, isDirectory }: { topLevel: boolean; isDirectory: boolean }): boolean {
  if (isDirectory) return name === "node_modules" || (topLevel && name === "dist");
  return topLevel && (name === STAMP_FILE || name.endsWith(".tgz") || LOCK_FILES.has(name));
}
