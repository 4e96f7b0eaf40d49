import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./generate.js";

const run = promisify(execFile);
export const tscBin = join(projectRoot, "node_modules", "typescript", "bin", "tsc");

/** The project's tsc with `args` (from the project root); resolves to its error output, "" when it passes. */
export async function tscErrors(...args: string[]): Promise<string> {
  try {
    await run(process.execPath, [tscBin, ...args], { cwd: projectRoot });
    return "";
  } catch (err) {
    return String((err as { stdout?: string }).stdout || err);
  }
}
