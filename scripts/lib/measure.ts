import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Sample {
  ms: number;
  /** Peak resident memory of the process (all its threads), in MiB. */
  peakMiB: number;
  /** CPU time of the process (user + system, all its threads), in ms: unlike wall time, barely moved by other load on the machine. */
  cpuMs: number;
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

/** Runs `node <args>` once and measures wall time and peak memory. */
export function runNode(args: string[], cwd: string): Sample {
  const rssFile = join(hookDir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", hook, ...args], { cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  let peakKiB = 0;
  let cpuMicros = 0;
  try {
    [peakKiB, cpuMicros] = readFileSync(rssFile, "utf8").split(" ").map(Number) as [number, number];
    rmSync(rssFile);
  } catch {
    // The process died before its exit hook ran; report no figure rather than a wrong one.
  }
  return { ms, peakMiB: peakKiB / 1024, cpuMs: cpuMicros / 1000, status: result.status ?? -1, stderr: result.stderr ?? "" };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One warm-up run, then `runs` measured ones; fails loudly if any run fails. */
export function measure(label: string, runs: number, run: () => Sample): { label: string; medianMs: number; cpuMs: number; peakMiB: number; samples: Sample[] } {
  const warm = run();
  if (warm.status !== 0) throw new Error(`${label} failed (exit ${warm.status}):\n${warm.stderr.slice(-2000)}`);
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const s = run();
    if (s.status !== 0) throw new Error(`${label} failed (exit ${s.status}):\n${s.stderr.slice(-2000)}`);
    samples.push(s);
  }
  return { label, medianMs: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), peakMiB: Math.max(...samples.map((s) => s.peakMiB)), samples };
}
