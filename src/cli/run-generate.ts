import { resolve, relative } from "node:path";
import { compareDiagnostics, formatDiagnostic, hasErrors, type Diagnostic } from "../diagnostics.js";
import { findProviders, jobFor } from "../load/find-providers.js";
import { readAssets } from "../load/read-assets.js";
import { generateProvider, type ProviderResult } from "../pipeline.js";
import { compareOutput, isClean } from "../write/compare-output.js";
import { writeOutput } from "../write/write-output.js";
import type { TypesWorker } from "../parallel/types-pool.js";
import type { CliArgs } from "./parse-args.js";

const MAX_WARNINGS_SHOWN = 20;

/** `clientgen generate`: every job in memory first, then write (or compare) only if all of them succeeded. */
export async function runGenerate(args: CliArgs, worker?: TypesWorker): Promise<number> {
  const cwd = process.cwd();
  const { jobs, errors } = args.spec
    ? { jobs: [jobFor(resolve(cwd, args.spec), resolve(cwd, args.out!), undefined, args.name)], errors: [] as Diagnostic[] }
    : findProviders(args.specsDir, args.outDir, args.providers, cwd);
  print(errors, args);
  if (hasErrors(errors)) return 1;
  const assets = readAssets();
  const results: ProviderResult[] = [];
  for (const job of jobs) {
    const started = performance.now();
    const result = await generateProvider(job, assets, cwd, worker ? (j) => worker.types(j.specPath, cwd) : undefined);
    results.push(result);
    report(result, performance.now() - started, args);
  }
  if (results.some((r) => !r.files)) {
    process.stderr.write(`clientgen: nothing written: fix the errors above and run again\n`);
    return 1;
  }
  return args.check ? checkAll(results, cwd) : writeAll(results, cwd);
}

function report(result: ProviderResult, ms: number, args: CliArgs): void {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  print(errors, args);
  print(warnings.slice(0, MAX_WARNINGS_SHOWN), args);
  if (warnings.length > MAX_WARNINGS_SHOWN) process.stderr.write(`… and ${warnings.length - MAX_WARNINGS_SHOWN} more warnings\n`);
  const status = result.files ? "ok" : "failed";
  const counts = result.files ? `${result.operations} operations, ${result.files.size} files` : `${errors.length} error${errors.length === 1 ? "" : "s"}`;
  process.stderr.write(`${result.job.provider}: ${status}, ${counts}, ${(ms / 1000).toFixed(2)} s${warnings.length ? `, ${warnings.length} warning(s)` : ""}\n`);
}

function print(diagnostics: Diagnostic[], args: CliArgs): void {
  for (const d of [...diagnostics].sort(compareDiagnostics)) process.stderr.write(`${formatDiagnostic(d, { color: args.color })}\n\n`);
}

function checkAll(results: ProviderResult[], cwd: string): number {
  let stale = 0;
  for (const { job, files } of results) {
    const diff = compareOutput(job.outDir, files!);
    if (isClean(diff)) continue;
    const rel = relative(cwd, job.outDir) || ".";
    for (const [what, list] of [["missing", diff.added], ["differs", diff.changed], ["not generated", diff.removed]] as const) {
      for (const file of list) {
        process.stdout.write(`stale: ${rel}/${file} (${what})\n`);
        stale++;
      }
    }
  }
  if (stale) {
    process.stderr.write(`clientgen: ${stale} stale file(s): run 'npm run generate' and commit the result\n`);
    return 1;
  }
  process.stderr.write(`clientgen: generated output is up to date\n`);
  return 0;
}

function writeAll(results: ProviderResult[], cwd: string): number {
  for (const { job, files } of results) {
    const diff = writeOutput(job.outDir, files!);
    const changes = diff.added.length + diff.changed.length + diff.removed.length;
    process.stderr.write(`${relative(cwd, job.outDir) || "."}: ${changes ? `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed` : "unchanged"}\n`);
  }
  return 0;
}
