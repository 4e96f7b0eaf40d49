import { existsSync } from "node:fs";
import { relative } from "node:path";
import type { FileSet } from "../emit/file-set.js";
import { generatorFingerprint } from "../load/generator-fingerprint.js";
import type { GeneratorAssets } from "../generator-assets.js";
import type { TypesWorker } from "../types-worker/types-pool.js";
import { specLabel, type ProviderJob } from "../load/provider-job.js";
import type { ProviderResult } from "../pipeline.js";
import { upToDate, writeStamp } from "../write/input-stamp.js";
import type { StagedOutput, Stager } from "../write/write-output.js";
import { describeErrors, type ProviderLine, type Reporter } from "./reporter.js";

export interface BatchOutcome {
  code: number;
  lines: ProviderLine[];
  /** Absolute paths of every file each job was made from, by output folder (what `--watch` watches). */
  inputs: Map<string, string[]>;
}

/**
 * Runs `generate` over batches of jobs, keeping what is costly to start (the openapi-typescript
 * worker, the pipeline's modules, the generator's fingerprint) for the next batch, as `--watch`
 * does. A job whose input stamp still holds is skipped before any of them is loaded, so a run with
 * nothing to do never loads openapi-typescript or the TypeScript compiler.
 */
export class GenerateSession {
  private worker?: TypesWorker;
  private assets?: GeneratorAssets;
  private fingerprint?: string;

  constructor(
    private readonly cwd: string,
    private readonly check: boolean,
    private readonly out: Reporter,
    /** --force: write beside files clientgen did not write, and over another spec's package (check-target.ts). */
    private readonly force = false,
    /** --watch: a failed run is followed by another on the next save, not by the user running it again. */
    private readonly watching = false,
  ) {}

  private generator(): string {
    return (this.fingerprint ??= generatorFingerprint());
  }

  /**
   * What the stamp records as the generator: the fingerprint, marked when sources take the command line,
   * so that adding or dropping `--with-cli` is a change and never a skip (the stamp's job options predate it).
   */
  private generatorFor(job: ProviderJob): string {
    return job.withCli ? `${this.generator()} +cli` : this.generator();
  }

  /** Every job in memory first, then write (or compare) only if all of them succeeded. */
  async run(jobs: ProviderJob[]): Promise<BatchOutcome> {
    const started = performance.now();
    const outcome: BatchOutcome = { code: 0, lines: [], inputs: new Map() };
    const todo: ProviderJob[] = [];
    for (const job of jobs) {
      const checked = performance.now();
      const hit = this.check ? undefined : upToDate(job, () => this.generatorFor(job));
      if (!hit) todo.push(job);
      else {
        outcome.lines.push({
          provider: job.provider,
          status: "skipped",
          operations: hit.operations,
          ms: performance.now() - checked,
          detail: "inputs unchanged",
        });
        outcome.inputs.set(job.outDir, hit.inputs);
      }
    }
    try {
      if (todo.length) await this.generate(todo, outcome);
    } finally {
      this.out.endProgress();
    }
    const order = new Map(jobs.map((j, i) => [j.provider, i]));
    outcome.lines.sort((a, b) => order.get(a.provider)! - order.get(b.provider)!);
    this.out.providers(outcome.lines);
    this.out.summary(outcome.lines, performance.now() - started);
    if (outcome.lines.some((l) => l.status === "stale"))
      this.out.problem("stale output: run 'clientgen generate' and commit the result");
    return outcome;
  }

  private async generate(jobs: ProviderJob[], outcome: BatchOutcome): Promise<void> {
    // First, and every job asked for at once, so that the worker loads openapi-typescript and
    // TypeScript and reads the first spec while this thread loads the pipeline.
    const worker = await this.startWorker();
    const types = new Map(jobs.map((job) => [job, worker.types(job.specPath, this.cwd, specLabel(job))]));
    // Awaited by generateProvider; a job that fails before it waits must not leave a rejection unhandled.
    for (const pending of types.values()) pending.catch(() => {});
    const { generateProvider } = await import("../pipeline.js");
    const { readAssets } = await import("../load/read-assets.js");
    const { startStaging, discardStaged } = await import("../write/write-output.js");
    this.assets ??= readAssets();
    const results: Array<{ result: ProviderResult; ms: number; staged?: StagedOutput }> = [];
    for (const [index, job] of jobs.entries()) {
      const started = performance.now();
      const onPhase = this.out.phases(job.provider, index, jobs.length, started);
      let stager: Stager | undefined;
      // A new package is written while the rest of it is made; it only replaces anything once all jobs succeeded.
      const stage =
        this.check || existsSync(job.outDir)
          ? undefined
          : (files: FileSet) => (stager ??= startStaging(job.outDir)).add(files);
      const result = await generateProvider(job, this.assets, this.cwd, () => types.get(job)!, stage, onPhase);
      const staged = await stager?.finish();
      this.out.diagnostics(result.diagnostics);
      results.push({ result, ms: performance.now() - started, ...(staged ? { staged } : {}) });
      outcome.inputs.set(
        job.outDir,
        result.inputs.map((i) => i.absPath),
      );
    }
    if (results.some(({ result }) => !result.files)) {
      for (const { staged } of results) if (staged) discardStaged(staged);
      this.stop(outcome, results, (result) =>
        result.files ? undefined : { status: "failed", detail: describeErrors(result.diagnostics) },
      );
      return;
    }
    // Every output folder judged before any is written: one refused, none written.
    const { checkTarget } = await import("../write/check-target.js");
    const plans = results.map(({ result }) =>
      checkTarget(result.job, result.files!, {
        force: this.force,
        inputs: result.inputs.map((i) => i.absPath),
        cwd: this.cwd,
      }),
    );
    if (plans.some((plan) => plan.refusals.length)) {
      for (const { staged } of results) if (staged) discardStaged(staged);
      this.out.diagnostics(plans.flatMap((plan) => plan.refusals));
      this.stop(
        outcome,
        results,
        (_result, i) => (plans[i]!.refusals.length ? { status: "refused", detail: "see above" } : undefined),
        "another output folder was refused",
      );
      return;
    }
    for (const [i, { result, ms, staged }] of results.entries()) {
      const started = performance.now();
      this.out.phases(result.job.provider, i, results.length, started - ms)("writing", result.operations);
      const keep = plans[i]!.foreign;
      const line = this.check ? await this.compare(result, keep) : await this.write(result, keep, staged);
      outcome.lines.push({ ...line, ms: ms + performance.now() - started });
      if (line.status === "stale") outcome.code = 1;
    }
  }

  /** Nothing written: the jobs `stopped` names get its line, every other one "not written". */
  private stop(
    outcome: BatchOutcome,
    results: Array<{ result: ProviderResult; ms: number }>,
    stopped: (result: ProviderResult, i: number) => Pick<ProviderLine, "status" | "detail"> | undefined,
    why = "another provider failed",
  ): void {
    for (const [i, { result, ms }] of results.entries()) {
      const own = stopped(result, i);
      outcome.lines.push({
        provider: result.job.provider,
        operations: result.operations,
        ms,
        ...(own ?? { status: "not written", detail: why }),
      });
    }
    const next = this.watching ? "; it regenerates on the next save" : " and run again";
    this.out.problem(`nothing ${this.check ? "compared" : "written"}: fix the errors above${next}`);
    outcome.code = 1;
  }

  private async write(
    { job, files, operations, inputs }: ProviderResult,
    keep: string[],
    staged?: StagedOutput,
  ): Promise<ProviderLine> {
    const { writeOutput } = await import("../write/write-output.js");
    const { manifestText } = await import("../write/manifest.js");
    const manifest = (paths: Iterable<string>) => manifestText(job, paths);
    const diff = writeOutput(job.outDir, files!, staged, { layout: job.layout ?? "package", manifest, keep });
    writeStamp(job, this.generatorFor(job), inputs, operations, files!);
    const changes = [
      `${diff.added.length} added`,
      `${diff.changed.length} changed`,
      `${diff.removed.length} removed`,
    ].filter((c) => !c.startsWith("0 "));
    return {
      provider: job.provider,
      status: changes.length ? "written" : "unchanged",
      operations,
      ms: 0,
      ...(changes.length ? { detail: changes.join(", ") } : {}),
    };
  }

  /** `--check`: the files themselves against a fresh generation; each stale one on stdout. */
  private async compare({ job, files, operations }: ProviderResult, keep: string[]): Promise<ProviderLine> {
    const { compareOutput } = await import("../write/compare-output.js");
    const diff = compareOutput(job.outDir, files!, job.layout, keep);
    const rel = relative(this.cwd, job.outDir) || ".";
    let stale = 0;
    for (const [what, list] of [
      ["missing", diff.added],
      ["differs", diff.changed],
      ["not generated", diff.removed],
    ] as const) {
      for (const file of list) {
        process.stdout.write(`stale: ${rel}/${file} (${what})\n`);
        stale++;
      }
    }
    return {
      provider: job.provider,
      status: stale ? "stale" : "up to date",
      operations,
      ms: 0,
      ...(stale ? { detail: `${stale} file${stale === 1 ? "" : "s"}` } : {}),
    };
  }

  /** openapi-typescript loads on the other core while this thread loads and runs the rest of the pipeline. */
  private async startWorker(): Promise<TypesWorker> {
    if (!this.worker) {
      const { startTypesWorker } = await import("../types-worker/types-pool.js");
      this.worker = startTypesWorker();
    }
    return this.worker;
  }

  /** Stops the worker; the next batch starts a new one (after a crash, `--watch` goes on with a fresh worker). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.close();
  }
}
