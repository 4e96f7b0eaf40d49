import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./generate.js";

const exec = promisify(execFile);
const tsx = join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
const cli = join(projectRoot, "src", "cli.ts");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `clientgen ARGS` as a user would (a child process, no colour) and resolves to its exit code and output. */
export async function runClientgen(args: string[], cwd = projectRoot, env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [tsx, cli, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
