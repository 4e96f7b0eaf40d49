import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./generate.js";

const exec = promisify(execFile);
export const clientgenBin = join(projectRoot, "bin", "clientgen.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `clientgen <args>` through the bin users run (the built dist/), piped, so without colour. */
export async function clientgen(args: string[], cwd = projectRoot, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [clientgenBin, ...args], { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
