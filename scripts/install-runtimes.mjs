// Part of `prepare` (so `npm ci` on a clone runs it): installs the runtimes test/e2e/runtimes.test.ts
// runs a generated client on (Node 22 and 24, Bun, Deno: binaries the npm registry ships), pinned in
// test/other-runtimes/package-lock.json. They are a package of their own, not devDependencies: Node's
// package has a `node` bin, which npm would link as node_modules/.bin/node, so every npm script
// (vitest, generate, build) would silently run on it instead of the Node that ran npm.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "other-runtimes");
const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));

/** Every package the lockfile pins is installed at its version: nothing to do (npm ci empties only the root's node_modules). */
const installed = Object.entries(lock.packages)
  .filter(([path]) => path !== "")
  .every(([path, { version }]) => {
    const manifest = join(dir, path, "package.json");
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === version;
  });

// The packages hold Linux x64 binaries (glibc), as on this project's machines and CI; elsewhere the
// test that uses them is skipped, and npm ci must not fail over them.
const here = process.platform === "linux" && process.arch === "x64";
if (!here)
  console.warn(`test/other-runtimes holds Linux x64 binaries: not installed on ${process.platform} ${process.arch}`);
else if (!installed) {
  // The npm that runs this script when there is one, else the one on PATH.
  const [command, ...prefix] = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npm"];
  const args = [...prefix, "ci", "--no-audit", "--no-fund", "--loglevel=error"];
  const run = spawnSync(command, args, { cwd: dir, stdio: "inherit" });
  if (run.status !== 0) throw new Error(`installing the test runtimes (npm ci in ${dir}) failed`);
}
