import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./generate.js";

const run = promisify(execFile);
/** TypeScript 7 (the `typescript7` npm alias): what generated packages build with, and several times faster than 5.9. */
export const tscBin = join(projectRoot, "node_modules", "typescript7", "bin", "tsc");
/** TypeScript 5.9: the generator's own compiler, and the oldest one generated packages promise to compile with. */
export const tsc59Bin = join(projectRoot, "node_modules", "typescript", "bin", "tsc");

/** tsc (7 unless told) with `args`, from the project root; resolves to its error output, "" when it passes. */
export async function tscErrors(...args: string[]): Promise<string> {
  return tscErrorsWith(tscBin, args);
}

export async function tscErrorsWith(bin: string, args: string[]): Promise<string> {
  try {
    await run(process.execPath, [bin, ...args], { cwd: projectRoot });
    return "";
  } catch (err) {
    return String((err as { stdout?: string }).stdout || err);
  }
}
