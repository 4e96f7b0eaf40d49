import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientgenBin } from "../helpers/run-cli.js";
import { fixture } from "../helpers/generate.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-watch-"));
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

/** A generous bound on one step on a loaded machine: only there so that a failure shows what was printed. */
const STEP_LIMIT_MS = 60_000;

/** Resolves when the output written since `from` matches `pattern` (the watcher's own lines say when it is done). */
function waitFor(output: () => string, from: number, pattern: RegExp): Promise<string> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const seen = output().slice(from);
      if (pattern.test(seen)) {
        clearInterval(timer);
        resolve(seen);
      } else if (child?.exitCode !== null || Date.now() - started > STEP_LIMIT_MS) {
        clearInterval(timer);
        reject(
          new Error(
            `${child?.exitCode !== null ? `clientgen exited (${child?.exitCode})` : "no output"} matching ${pattern}; it printed:\n${output()}`,
          ),
        );
      }
    }, 50);
  });
}

describe("clientgen generate --watch", () => {
  it("regenerates only the provider whose $ref'd file or spec changed, survives a broken spec, and exits 0 on SIGINT", async () => {
    const specs = join(work, "specs");
    const out = join(work, "generated");
    cpSync(fixture("specs", "multi-file"), join(specs, "split"), { recursive: true });
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "pets", "openapi.yaml"));
    child = spawn(process.execPath, [clientgenBin, "generate", "--watch", "--specs", specs, "--out-dir", out], {
      cwd: work,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const output = () => stderr;
    await waitFor(output, 0, /watching 2 providers and new ones in specs\/ for changes/);

    let mark = stderr.length;
    const owner = join(specs, "split", "owner.yaml");
    writeFileSync(owner, `${readFileSync(owner, "utf8")}  email: { type: string }\n`);
    const changed = await waitFor(output, mark, /split\s+1 operation\s+written/);
    expect(changed).toMatch(/specs\/split\/owner\.yaml changed: regenerating split/);
    expect(changed).not.toMatch(/pets/);
    expect(readFileSync(join(out, "split", "src", "types.ts"), "utf8")).toMatch(/email\?: string/);

    mark = stderr.length;
    const petsSpec = join(specs, "pets", "openapi.yaml");
    const good = readFileSync(petsSpec, "utf8");
    writeFileSync(petsSpec, "openapi: 3.1.0\ninfo: [\n");
    const broken = await waitFor(output, mark, /nothing written/);
    expect(broken).toMatch(/specs\/pets\/openapi\.yaml:\d+:\d+ error\[/);
    expect(broken).toMatch(/pets\s+failed/);
    expect(broken).toMatch(/nothing written: fix the errors above; it regenerates on the next save/);
    expect(broken).not.toMatch(/run again/);

    mark = stderr.length;
    writeFileSync(petsSpec, good.replace(/title: .*/, "title: Pets Again"));
    await waitFor(output, mark, /pets\s+4 operations\s+written/);
    expect(readFileSync(join(out, "pets", "README.md"), "utf8")).toMatch(/Pets Again/);

    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("generates and then watches a provider folder added while it runs, and stops watching one that is removed", async () => {
    const specs = join(work, "added", "specs");
    const out = join(work, "added", "generated");
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "pets", "openapi.yaml"));
    child = spawn(process.execPath, [clientgenBin, "generate", "--watch"], {
      cwd: join(work, "added"),
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const output = () => stderr;
    await waitFor(output, 0, /watching pets and new ones in specs\/ for changes/);

    // A folder first, its spec later, as a user (or `cp -r`, or git) makes it.
    let mark = stderr.length;
    mkdirSync(join(specs, "split"));
    await waitFor(output, mark, /specs\/split\/ has no openapi\.yaml yet: it is generated once it has one/);
    mark = stderr.length;
    cpSync(fixture("specs", "multi-file"), join(specs, "split"), { recursive: true });
    const added = await waitFor(output, mark, /split\s+1 operation\s+written/);
    expect(added).toMatch(/specs\/split\/openapi\.yaml added: generating split/);
    expect(added).not.toMatch(/pets/);
    expect(existsSync(join(out, "split", "package.json"))).toBe(true);

    // From then on it is watched like the others, $ref'd files included.
    mark = stderr.length;
    const owner = join(specs, "split", "owner.yaml");
    writeFileSync(owner, `${readFileSync(owner, "utf8")}  email: { type: string }\n`);
    const changed = await waitFor(output, mark, /split\s+1 operation\s+written/);
    expect(changed).toMatch(/specs\/split\/owner\.yaml changed: regenerating split/);
    expect(readFileSync(join(out, "split", "src", "types.ts"), "utf8")).toMatch(/email\?: string/);

    // Removed: said once, its output left alone, no error, and the others still watched.
    mark = stderr.length;
    rmSync(join(specs, "split"), { recursive: true });
    const removed = await waitFor(output, mark, /no longer watching split/);
    expect(removed).toMatch(
      /specs\/split\/openapi\.yaml is gone: no longer watching split \(generated\/split is left as it is\)/,
    );
    expect(removed).not.toMatch(/error|failed/);
    expect(existsSync(join(out, "split", "package.json"))).toBe(true);
    mark = stderr.length;
    const petsSpec = join(specs, "pets", "openapi.yaml");
    writeFileSync(petsSpec, readFileSync(petsSpec, "utf8").replace(/title: .*/, "title: Pets Again"));
    const after = await waitFor(output, mark, /pets\s+4 operations\s+written/);
    expect(after).not.toMatch(/split/);

    // The same folder made again is a new provider again.
    mark = stderr.length;
    cpSync(fixture("specs", "multi-file"), join(specs, "split"), { recursive: true });
    await waitFor(output, mark, /split\s+1 operation\s+(written|unchanged)/);

    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("starts with a provider folder that has no spec yet (a note, not an error: plain generate refuses it) and generates it once it has one", async () => {
    const root = join(work, "waiting");
    const specs = join(root, "specs");
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "pets", "openapi.yaml"));
    mkdirSync(join(specs, "later"));
    child = spawn(process.execPath, [clientgenBin, "generate", "--watch"], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const output = () => stderr;
    const started = await waitFor(output, 0, /watching pets and new ones in specs\/ for changes/);
    expect(started).toMatch(/specs\/later\/ has no openapi\.yaml yet: it is generated once it has one/);
    expect(started).not.toMatch(/error/);
    expect(started).toMatch(/pets\s+4 operations\s+written/);

    const mark = stderr.length;
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "later", "openapi.yaml"));
    const added = await waitFor(output, mark, /later\s+4 operations\s+written/);
    expect(added).toMatch(/specs\/later\/openapi\.yaml added: generating later/);
    expect(existsSync(join(root, "generated", "later", "package.json"))).toBe(true);

    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
