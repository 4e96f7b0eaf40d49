import { dirname } from "node:path";
import { hasErrors } from "../diagnostics.js";
import { lintProvider } from "../pipeline.js";
import { describeErrors, Reporter, type ProviderLine } from "./reporter.js";
import { jobsFromArgs } from "./run-generate.js";
import { stringOption, type CommandArgs } from "./command.js";
import { specName } from "../load/find-providers.js";

/** `clientgen lint`: the diagnostics `generate` would give, all of them, and nothing written. Exit 1 on any error. */
export async function runLint(args: CommandArgs): Promise<number> {
  const started = performance.now();
  const reporter = new Reporter(args.color, args.quiet);
  const { jobs, errors } = jobsFromArgs(args, (spec) => dirname(spec));
  // Nothing is written, so a lone spec is named for itself, not for a folder it happens to sit in.
  if (stringOption(args, "spec")) for (const job of jobs) job.provider = specName(job.specPath);
  reporter.diagnostics(errors, { all: true });
  if (hasErrors(errors)) return 1;
  const lines: ProviderLine[] = [];
  let failed = false;
  for (const [index, job] of jobs.entries()) {
    const jobStarted = performance.now();
    const { diagnostics, operations } = await lintProvider(
      job,
      args.cwd,
      reporter.phases(job.provider, index, jobs.length, jobStarted),
    );
    reporter.diagnostics(diagnostics, { all: true });
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    const bad = hasErrors(diagnostics);
    failed ||= bad;
    lines.push({
      provider: job.provider,
      status: bad ? "failed" : "ok",
      operations,
      ms: performance.now() - jobStarted,
      detail: bad
        ? describeErrors(diagnostics)
        : warnings
          ? `${warnings} warning${warnings === 1 ? "" : "s"}`
          : "no problems",
    });
  }
  reporter.providers(lines);
  reporter.summary(lines, performance.now() - started);
  return failed ? 1 : 0;
}
