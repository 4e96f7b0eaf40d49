import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Sample {
  ms: number;
  /** Peak resident memory of the process (all its threads), in MiB. */
  peakMiB: number;
  /**
   * CPU time of the process and every process it waited for (user + system, all threads), in ms:
   * unlike wall time, barely moved by other load on the machine. TypeScript 7's `tsc` is a launcher
   * that runs a native binary, whose time only shows here.
   */
  cpuMs: number;
  /** Of which system (kernel) time: creating files is mostly this. */
  sysMs: number;
  status: number;
  stderr: string;
}

/** A preload that writes the process's own peak RSS and CPU time to a file when it exits: works for any Node CLI. */
const hookDir = mkdtempSync(join(tmpdir(), "clientgen-bench-"));
const hook = join(hookDir, "peak-rss.mjs");
writeFileSync(
  hook,
  `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => { if (process.env.BENCH_RSS_FILE) { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, u.maxRSS + " " + (u.userCPUTime + u.systemCPUTime)); } });\n`,
);
process.on("exit", () => rmSync(hookDir, { recursive: true, force: true }));

/** User and system CPU of this process's waited-for children so far (Linux's /proc; undefined elsewhere). */
function childrenCpu(): { user: number; sys: number } | undefined {
  try {
    // Fields after the command name (which may hold spaces): cutime and cstime are the 16th and 17th of the line.
    const fields = readFileSync("/proc/self/stat", "utf8")
      .replace(/^.*\) /s, "")
      .split(" ");
    const tick = 1000 / 100; // USER_HZ is 100 on every Linux Node runs on
    return { user: Number(fields[13]) * tick, sys: Number(fields[14]) * tick };
  } catch {
    return undefined;
  }
}

/** Runs `node <args>` once and measures wall time, CPU time and peak memory. */
export function runNode(args: string[], cwd: string): Sample {
  const rssFile = join(hookDir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", hook, ...args], {
    cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const cpuAfter = childrenCpu();
  let peakKiB = 0;
  let cpuMicros = 0;
  try {
    [peakKiB, cpuMicros] = readFileSync(rssFile, "utf8").split(" ").map(Number) as [number, number];
    rmSync(rssFile);
  } catch {
    // The process died before its exit hook ran; report no figure rather than a wrong one.
  }
  const children =
    cpuBefore && cpuAfter
      ? { cpuMs: cpuAfter.user + cpuAfter.sys - cpuBefore.user - cpuBefore.sys, sysMs: cpuAfter.sys - cpuBefore.sys }
      : undefined;
  return {
    ms,
    peakMiB: peakKiB / 1024,
    cpuMs: children?.cpuMs ?? cpuMicros / 1000,
    sysMs: children?.sysMs ?? Number.NaN,
    status: result.status ?? -1,
    stderr: result.stderr ?? "",
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Measured {
  label: string;
  medianMs: number;
  cpuMs: number;
  sysMs: number;
  peakMiB: number;
  samples: Sample[];
}

function run(label: string, runner: () => Sample): Sample {
  const s = runner();
  if (s.status !== 0) throw new Error(`${label} failed (exit ${s.status}):\n${s.stderr.slice(-2000)}`);
  return s;
}

function summarise(label: string, samples: Sample[]): Measured {
  return {
    label,
    medianMs: median(samples.map((s) => s.ms)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    sysMs: median(samples.map((s) => s.sysMs)),
    peakMiB: Math.max(...samples.map((s) => s.peakMiB)),
    samples,
  };
}

/** One warm-up run, then `runs` measured ones; fails loudly if any run fails. */
export function measure(label: string, runs: number, runner: () => Sample): Measured {
  run(label, runner);
  return summarise(
    label,
    Array.from({ length: runs }, () => run(label, runner)),
  );
}

/**
 * One warm-up of each, then `runs` rounds that run each once, the order rotated every round: on a
 * shared machine a burst of load then falls on every contender alike, not on whichever ran last.
 */
export function measureInterleaved<K extends string>(
  runs: number,
  runners: Record<K, () => Sample>,
): Record<K, Measured> {
  const labels = Object.keys(runners) as K[];
  for (const label of labels) run(label, runners[label]);
  const samples = new Map<K, Sample[]>(labels.map((l) => [l, []]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < labels.length; i++) {
      const label = labels[(round + i) % labels.length]!;
      samples.get(label)!.push(run(label, runners[label]));
    }
  }
  return Object.fromEntries(labels.map((l) => [l, summarise(l, samples.get(l)!)])) as Record<K, Measured>;
}
