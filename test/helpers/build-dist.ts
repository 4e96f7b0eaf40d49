import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

/** Vitest global setup: tests run the CLI as users do, through bin/ and dist/, so dist/ is rebuilt from src/ first (well under a second). */
export default function buildDist(): void {
  const root = resolve(import.meta.dirname, "..", "..");
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
}
