import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./generate.js";

const exec = promisify(execFile);
/** The bin users run: the built dist/ (rebuilt from src/ by the test setup), in one process. */
export const clientgenBin = join(projectRoot, "bin", "clientgen.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `clientgen ARGS` as a user would (a child process through the bin, piped, so without colour) and resolves to its exit code and output. */
export async function runClientgen(
  args: string[],
  cwd = projectRoot,
  env: Record<string, string> = {},
): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [clientgenBin, ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
