import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { findProviders, jobFor, specIn } from "../load/find-providers.js";
import type { ProviderJob } from "../load/provider-job.js";
import { isIdentifier } from "../ts-syntax.js";
import { flagOption, stringOption, ClientgenUsageError, type CommandArgs } from "./command.js";
import { GenerateSession } from "./generate-session.js";
import { Reporter } from "./reporter.js";
import type { ProviderDiscovery } from "./watch.js";

const LAYOUTS = ["package", "sources"] as const;

/** A spec file, or a folder holding `openapi.yaml` (`.yml`, `.json`). */
export function resolveSpecArg(spec: string, cwd: string): string {
  const path = resolve(cwd, spec);
  if (existsSync(path) && statSync(path).isDirectory()) {
    const inside = specIn(path);
    if (!inside)
      throw new ClientgenUsageError(`--spec ${spec} is a folder without openapi.yaml (or .yml, .json) in it`);
    return inside;
  }
  return path;
}

/** The jobs `generate` and `lint` work on: `--spec FILE` alone, or providers under `--specs`. */
export function jobsFromArgs(
  args: CommandArgs,
  outFor: (spec: string) => string,
): { jobs: ProviderJob[]; errors: Diagnostic[] } {
  const spec = stringOption(args, "spec");
  const name = stringOption(args, "name");
  if (name !== undefined && !isIdentifier(name))
    throw new ClientgenUsageError(`--name '${name}' is not a valid class name`);
  if (spec) {
    if (args.positionals.length) throw new ClientgenUsageError("give either --spec or provider names, not both");
    const specPath = resolveSpecArg(spec, args.cwd);
    return { jobs: [jobFor(specPath, outFor(specPath), undefined, name)], errors: [] };
  }
  return providersIn(args, args.positionals);
}

/** The providers of `--specs` (default specs/), each going to its folder in `--out-dir` (default generated/). */
const providersIn = (args: CommandArgs, only: string[]) =>
  findProviders(specsArg(args), stringOption(args, "out-dir") ?? "generated", only, args.cwd);
const specsArg = (args: CommandArgs): string => stringOption(args, "specs") ?? "specs";

function readLayout(args: CommandArgs): ProviderJob["layout"] {
  const layout = stringOption(args, "layout") ?? "package";
  if (!(LAYOUTS as readonly string[]).includes(layout))
    throw new ClientgenUsageError(`--layout must be ${LAYOUTS.join(" or ")}, not '${layout}'`);
  return layout as ProviderJob["layout"];
}

/** With neither --spec nor provider names, `--watch` also picks up providers added to the specs folder. */
function discoveryFor(
  args: CommandArgs,
  layout: ProviderJob["layout"],
  withCli: boolean,
): ProviderDiscovery | undefined {
  if (stringOption(args, "spec") || args.positionals.length) return undefined;
  return {
    root: resolve(args.cwd, specsArg(args)),
    find: () => {
      const found = providersIn(args, []);
      for (const job of found.jobs) Object.assign(job, { layout }, withCli ? { withCli } : {});
      return found;
    },
  };
}

/** `clientgen generate`. */
export async function runGenerate(args: CommandArgs): Promise<number> {
  const spec = stringOption(args, "spec");
  const out = stringOption(args, "out");
  if (spec && !out) throw new ClientgenUsageError("--spec needs --out DIR (where the package goes)");
  if (out && !spec) throw new ClientgenUsageError("--out goes with --spec FILE");
  const check = flagOption(args, "check");
  const watch = flagOption(args, "watch");
  if (check && watch) throw new ClientgenUsageError("--check and --watch do not go together");
  const layout = readLayout(args);
  const withCli = flagOption(args, "with-cli");
  if (withCli && layout !== "sources")
    throw new ClientgenUsageError("--with-cli goes with --layout sources (a package always has its command line)");
  const { jobs, errors } = jobsFromArgs(args, () => resolve(args.cwd, out!));
  for (const job of jobs) Object.assign(job, { layout }, withCli ? { withCli } : {});
  const discovery = watch ? discoveryFor(args, layout, withCli) : undefined;
  // Watching a specs folder, a provider folder without a spec yet is one to wait for, not a mistake.
  const waiting = discovery ? errors.filter((e) => e.rule === "spec-missing") : [];
  const problems = errors.filter((e) => !waiting.includes(e));
  const reporter = new Reporter(args.color, args.quiet);
  reporter.diagnostics(problems);
  if (problems.some((e) => e.severity === "error")) return 1;
  const session = new GenerateSession(args.cwd, check, reporter, flagOption(args, "force"), watch);
  try {
    const first = await session.run(jobs);
    if (!watch) return first.code;
    const { watchProviders } = await import("./watch.js");
    return await watchProviders(jobs, first.inputs, session, reporter, discovery, waiting);
  } finally {
    await session.close();
  }
}
