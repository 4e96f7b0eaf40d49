import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** Resolves when the output written since `from` matches `pattern` (the watcher's own lines say when it is done). */
function waitFor(output: () => string, from: number, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const seen = output().slice(from);
      if (pattern.test(seen)) {
        clearInterval(timer);
        resolve(seen);
      } else if (child?.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`clientgen exited (${child?.exitCode}) before ${pattern}:\n${output()}`));
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
    child = spawn(process.execPath, [clientgenBin, "generate", "--watch", "--specs", specs, "--out-dir", out], { cwd: work, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const output = () => stderr;
    await waitFor(output, 0, /watching 2 providers for changes/);

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

    mark = stderr.length;
    writeFileSync(petsSpec, good.replace(/title: .*/, "title: Pets Again"));
    await waitFor(output, mark, /pets\s+4 operations\s+written/);
    expect(readFileSync(join(out, "pets", "README.md"), "utf8")).toMatch(/Pets Again/);

    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
