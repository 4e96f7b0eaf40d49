import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderProgress, type ProgressState } from "../../src/commands/progress.js";
import { Reporter } from "../../src/commands/reporter.js";
import { fixture } from "../helpers/generate.js";
import { clientgenBin, runClientgen as clientgen } from "../helpers/run-cli.js";

const work = mkdtempSync(join(tmpdir(), "clientgen-progress-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const state = (over: Partial<ProgressState> = {}): ProgressState => ({
  provider: "github",
  index: 2,
  total: 4,
  phase: "model",
  ms: 2400,
  ...over,
});

describe("the progress line", () => {
  it.each<[string, Partial<ProgressState>, string]>([
    [
      "provider, place in the run, phase, operations and time",
      { phase: "emitting", operations: 1223 },
      "clientgen: [2/4] github  emitting (4/6) · 1,223 operations · 2.4 s",
    ],
    ["no count before the model knows it", {}, "clientgen: [2/4] github  model (3/6) · 2.4 s"],
    [
      "no place for a run of one",
      { index: 1, total: 1, phase: "loading", ms: 0 },
      "clientgen: github  loading (1/6) · 0.0 s",
    ],
    [
      "one operation",
      { phase: "writing", operations: 1 },
      "clientgen: [2/4] github  writing (6/6) · 1 operation · 2.4 s",
    ],
  ])("%s", (_, over, line) => {
    expect(renderProgress(state(over), 120)).toBe(line);
  });

  it("is cut to one column less than the terminal's width", () => {
    const line = renderProgress(state({ provider: "a-provider-with-a-very-long-name", operations: 5 }), 40);
    expect(line).toHaveLength(39);
    expect(line.endsWith("…")).toBe(true);
  });
});

/** A stand-in for stderr that records what is written. */
const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, columns: 100, written, write: (t: string) => written.push(t) };
};

describe("the reporter's progress", () => {
  it("on a terminal: rewritten in place (spaces over a longer old line), and cleared before the next line", () => {
    const tty = stream(true);
    const reporter = new Reporter(false, false, tty);
    const phase = reporter.phases("shop", 0, 1, performance.now());
    phase("emitting", 3);
    phase("model");
    reporter.note("done");
    const first = /^\rclientgen: shop {2}emitting \(4\/6\) · 3 operations · [\d.]+ s$/;
    expect(tty.written[0]).toMatch(first);
    const length = tty.written[0]!.length - 1;
    // The shorter line is padded to the old one's length, so nothing of it is left on the screen.
    expect(tty.written[1]).toMatch(/^\rclientgen: shop {2}model \(3\/6\) · [\d.]+ s +$/);
    expect(tty.written[1]!.length - 1).toBe(length);
    const model = tty.written[1]!.trimEnd().slice(1);
    expect(tty.written.slice(2)).toEqual([`\r${" ".repeat(model.length)}\r`, "clientgen: done\n"]);
    expect(tty.written.join("")).not.toContain("\u001b");
    reporter.endProgress();
    expect(tty.written).toHaveLength(4);
  });

  it("off a terminal, and with --quiet, nothing", () => {
    for (const [out, quiet] of [
      [stream(false), false],
      [stream(true), true],
    ] as const) {
      const reporter = new Reporter(false, quiet, out);
      reporter.phases("shop", 0, 1)("model");
      reporter.endProgress();
      expect(out.written.join("")).toBe("");
    }
  });
});

const hasScript = ((): boolean => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("clientgen generate's progress", () => {
  it("piped (as in CI): no progress line, no carriage return", async () => {
    const run = await clientgen(["generate", "--spec", fixture("specs", "minimal.yaml"), "--out", join(work, "piped")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/piped\s+4 operations\s+written/);
    expect(run.stderr).not.toContain("\r");
    expect(run.stderr).not.toMatch(/\((?:[1-6])\/6\)/);
  });

  it.skipIf(!hasScript)("on a terminal: each phase on one line rewritten in place, gone before the summary", () => {
    const out = join(work, "tty");
    const command = `"${process.execPath}" "${clientgenBin}" generate --spec "${fixture("specs", "minimal.yaml")}" --out "${out}"`;
    const shown = execFileSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: process.env });
    for (const phase of [
      "loading (1/6)",
      "checking (2/6)",
      "model (3/6)",
      "emitting (4/6)",
      "types (5/6)",
      "writing (6/6)",
    ])
      expect(shown).toContain(`\rclientgen: tty  ${phase}`);
    // Cleared (spaces, then back to the start) before the provider's line.
    expect(shown).toMatch(/writing \(6\/6\) · 4 operations · [\d.]+ s\r +\r {2}tty\s+4 operations/);
  });
});
