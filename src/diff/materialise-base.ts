import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { DiffInputError } from "./read-package.js";

export interface BaseCheckout {
  /** The package as it was at the ref, in a temporary folder. */
  dir: string;
  /** `ref:path`, git's own notation, for the report. */
  label: string;
  cleanup(): void;
}

/**
 * Writes the package folder `packageDir` as committed at `ref` into a temporary folder, with `git archive`
 * (which reads the object store and leaves the work tree and index alone). The caller calls `cleanup()` when done.
 */
export function materialiseBase(packageDir: string, ref: string, cwd: string): BaseCheckout {
  if (ref.startsWith("-")) throw new DiffInputError(`--base '${ref}' is not a git ref`);
  const root = git(
    ["rev-parse", "--show-toplevel"],
    cwd,
    `${cwd} is not inside a git repository, so --base has nothing to read from`,
  ).trim();
  const commit = git(
    ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`],
    cwd,
    `--base '${ref}': no such commit, branch or tag in ${root}`,
  ).trim();
  const path = relative(root, resolve(cwd, packageDir)).split(sep).join("/");
  if (path.startsWith("..")) throw new DiffInputError(`${packageDir} is outside the git repository at ${root}`);
  git(
    ["cat-file", "-e", `${commit}:${path}/package.json`],
    root,
    `${path} is not a generated package at ${ref} (no ${path}/package.json in that commit)`,
  );
  const tmp = mkdtempSync(join(tmpdir(), "clientgen-diff-base-"));
  const cleanup = (): void => rmSync(tmp, { recursive: true, force: true });
  try {
    const archive = join(tmp, "base.tar");
    git(
      ["archive", "--format=tar", "-o", archive, commit, "--", path],
      root,
      `git archive of ${path} at ${ref} failed`,
    );
    execFileSync("tar", ["-xf", archive, "-C", tmp], { stdio: ["ignore", "ignore", "pipe"] });
    return { dir: join(tmp, ...path.split("/")), label: `${ref}:${path}`, cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

function git(args: string[], cwd: string, failure: string): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    throw new DiffInputError(failure);
  }
}
