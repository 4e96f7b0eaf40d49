import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, generateIntoTemp, projectRoot } from "../helpers/generate.js";
import { runClientgen, type CliRun } from "../helpers/run-cli.js";

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "clientgen-diff-cli-"));
// The command's own temporary folders go here, so the test can see that --base leaves none behind.
const childTmp = join(work, "tmp");
let oldDir: string;
let newDir: string;

beforeAll(async () => {
  mkdirSync(childTmp);
  const spec = readFileSync(fixture("diff", "shop.yaml"), "utf8");
  writeFileSync(join(work, "old.yaml"), spec);
  // One breaking edit (Order.note removed) and one compatible one (an optional query parameter).
  writeFileSync(
    join(work, "new.yaml"),
    spec
      .replace("        note: { type: string }\n", "")
      .replace(
        "        - { name: status, in: query, schema: { type: string } }\n",
        "        - { name: status, in: query, schema: { type: string } }\n        - { name: cursor, in: query, schema: { type: string } }\n",
      ),
  );
  oldDir = await generateIntoTemp(join(work, "old.yaml"), "shop");
  newDir = await generateIntoTemp(join(work, "new.yaml"), "shop");
}, 60_000);

afterAll(() => {
  for (const dir of [work, oldDir, newDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What `--base` extracted and did not remove (tsx keeps its own cache there too). */
function leftovers(): string[] {
  return readdirSync(childTmp).filter((name) => name.startsWith("clientgen-"));
}

function clientgen(args: string[], cwd = projectRoot): Promise<CliRun> {
  return runClientgen(["diff", ...args], cwd, { TMPDIR: childTmp });
}

describe("clientgen diff", () => {
  it("OLD NEW: one line a change with its place, `semver:` last, exit 0; --fail-on breaking exits 1", async () => {
    const result = await clientgen([oldDir, newDir]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("semver: major");
    expect(result.stdout).toMatch(
      new RegExp(`^breaking +Order\\.note +field removed +\\(${oldDir}/src/types\\.ts:\\d+\\)$`, "m"),
    );
    expect(result.stdout).toMatch(
      new RegExp(`^compatible +ListOrdersParams\\.cursor +field added +\\(${newDir}/src/models\\.ts:\\d+\\)$`, "m"),
    );
    const failing = await clientgen([oldDir, newDir, "--fail-on", "breaking", "--json"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/--fail-on breaking/);
    const report = JSON.parse(failing.stdout) as { semver: string; changes: Array<{ kind: string; path: string }> };
    expect(report.semver).toBe("major");
    expect(report.changes).toContainEqual(expect.objectContaining({ kind: "breaking", path: "Order.note" }));
  }, 60_000);

  it("<provider> --base REF: the package at a commit against the work tree, through a temporary folder it removes", async () => {
    const repo = join(work, "repo");
    cpSync(oldDir, join(repo, "generated", "shop"), { recursive: true });
    const git = (...args: string[]): Promise<unknown> => exec("git", args, { cwd: repo });
    await git("init", "-q");
    await git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "empty");
    await git("add", "-A");
    await git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "shop");
    rmSync(join(repo, "generated", "shop"), { recursive: true });
    cpSync(newDir, join(repo, "generated", "shop"), { recursive: true });
    const result = await clientgen(["shop", "--base", "HEAD"], repo);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /^breaking +Order\.note +field removed +\(HEAD:generated\/shop\/src\/types\.ts:\d+\)$/m,
    );
    expect(result.stdout).toMatch(
      /^compatible +ListOrdersParams\.cursor +field added +\(generated\/shop\/src\/models\.ts:\d+\)$/m,
    );
    expect(leftovers()).toEqual([]);
    const missing = await clientgen(["./generated/shop", "--base", "HEAD~1"], repo);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/generated\/shop is not a generated package at HEAD~1/);
    const badRef = await clientgen(["shop", "--base", "no-such-branch"], repo);
    expect(badRef.stderr).toMatch(/--base 'no-such-branch': no such commit, branch or tag/);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it("bad input: a clear one-line error and exit 1, no stack trace", async () => {
    const result = await clientgen([join(work, "nowhere"), newDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`clientgen diff: ${join(work, "nowhere")}: no such folder\n`);
    const notPackage = await clientgen([work, newDir]);
    expect(notPackage.stderr).toMatch(/no package\.json here; is this a package generated by clientgen\?/);
    const same = await clientgen([newDir, `${newDir}/`]);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/are the same folder/);
    expect(existsSync(join(work, "nowhere"))).toBe(false);
  });

  it("usage errors exit 2 with one line", async () => {
    for (const [args, message] of [
      [[], /expected OLD and NEW package folders, got 0/],
      [["only-one"], /one folder given/],
      [["a", "b", "--fail-on", "sometimes"], /--fail-on 'sometimes': expected one of breaking, compatible, any/],
      [["a", "b", "--base", "main"], /exactly one provider name \(got 2\)/],
    ] as const) {
      const result = await clientgen([...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/^clientgen: [^\n]+\n$/);
    }
  });
});
