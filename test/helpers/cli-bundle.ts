import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { projectRoot } from "./generate.js";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Gets the process once it is spawned (to signal it). */
  onSpawn?: (child: ChildProcess) => void;
  /** Kills a process still running after this many ms (its code is then null), so a hang leaves nothing behind. */
  killAfterMs?: number;
}

/**
 * The generated packages' command lines, each bundled once with esbuild into plain JavaScript, so a
 * test spawns `node cli.mjs …` (tens of milliseconds) instead of compiling TypeScript per process.
 */
export class CliBundles {
  readonly dir = mkdtempSync(join(tmpdir(), "clientgen-cli-"));

  async build(...providers: string[]): Promise<void> {
    await Promise.all(providers.map((p) => this.buildPackage(p, join(projectRoot, "generated", p))));
  }

  /** Bundles the command line of the package in `packageDir` (a package generated elsewhere) as `name`. */
  async buildPackage(name: string, packageDir: string): Promise<void> {
    await build({
      entryPoints: [join(packageDir, "src", "cli.ts")],
      outfile: join(this.dir, `${name}.mjs`),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "silent",
    });
  }

  /** Runs a package's command with `args`; the environment holds only PATH and what `env` gives. */
  run(provider: string, args: string[], options: RunOptions = {}): Promise<CliRun> {
    return runNode([join(this.dir, `${provider}.mjs`), ...args], options);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Spawns node with `args` and a clean environment; stdin gets `options.stdin`, else is closed. */
export function runNode(args: string[], options: RunOptions = {}, cwd = projectRoot): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
    for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v;
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.killAfterMs ? { timeout: options.killAfterMs } : {}),
    });
    options.onSpawn?.(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}
