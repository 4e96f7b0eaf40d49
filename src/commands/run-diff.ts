import { realpathSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { formatJson, formatReport, type SideLabels } from "../diff/format-report.js";
import { materialiseBase, type BaseCheckout } from "../diff/materialise-base.js";
import { DiffInputError, readPackage } from "../diff/read-package.js";
import type { ApiChange } from "../diff/classify.js";
import { flagOption, stringOption, ClientgenUsageError, type CommandArgs } from "./command.js";

const FAIL_ON = {
  breaking: ["breaking"],
  compatible: ["breaking", "compatible"],
  any: ["breaking", "compatible", "none"],
} as const;
type FailOn = keyof typeof FAIL_ON;

export interface DiffArgs {
  old?: string;
  new?: string;
  provider?: string;
  base?: string;
  outDir: string;
  failOn?: FailOn;
  json: boolean;
  debug: boolean;
}

/** The command line of `clientgen diff` (already parsed by the command registry) → what to compare, or a ClientgenUsageError. */
export function diffArgsFrom(args: CommandArgs): DiffArgs {
  const { positionals } = args;
  const diff: DiffArgs = {
    outDir: stringOption(args, "out-dir") ?? "generated",
    json: flagOption(args, "json"),
    debug: args.debug,
  };
  const failOn = stringOption(args, "fail-on");
  if (failOn !== undefined) {
    if (!(failOn in FAIL_ON))
      throw new ClientgenUsageError(`--fail-on '${failOn}': expected one of ${Object.keys(FAIL_ON).join(", ")}`);
    diff.failOn = failOn as FailOn;
  }
  const base = stringOption(args, "base");
  if (base !== undefined) {
    if (positionals.length !== 1)
      throw new ClientgenUsageError(
        `--base compares one provider with a commit: give exactly one provider name (got ${positionals.length})`,
      );
    return { ...diff, provider: positionals[0]!, base };
  }
  if (positionals.length === 1)
    throw new ClientgenUsageError(`one folder given: give OLD and NEW folders, or a provider with --base REF`);
  if (positionals.length !== 2)
    throw new ClientgenUsageError(`expected OLD and NEW package folders, got ${positionals.length} argument(s)`);
  return { ...diff, old: positionals[0]!, new: positionals[1]! };
}

/** `clientgen diff`: exit 0 with the report, 1 on bad input or when `--fail-on` is met, 2 on usage errors. */
export async function runDiff(command: CommandArgs): Promise<number> {
  const args = diffArgsFrom(command);
  try {
    return await compareAndReport(args);
  } catch (err) {
    if (err instanceof DiffInputError) {
      process.stderr.write(`clientgen diff: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`clientgen diff: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (args.debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    else
      process.stderr.write(
        "run again with --debug for the stack trace, and report it with the packages that caused it\n",
      );
    return 3;
  }
}

async function compareAndReport(args: DiffArgs): Promise<number> {
  const cwd = process.cwd();
  const packageDir = args.provider === undefined ? undefined : providerDir(args.provider, args.outDir, cwd);
  const base: BaseCheckout | undefined =
    args.base === undefined ? undefined : materialiseBase(packageDir!, args.base, cwd);
  try {
    const [oldDir, newDir] = [base?.dir ?? args.old!, packageDir ?? args.new!];
    const labels: SideLabels = { old: base?.label ?? args.old!, new: base ? relative(cwd, newDir) || "." : args.new! };
    // Both folders are checked, and ts-morph loaded, only once the arguments are known good.
    const [oldPkg, newPkg] = [readPackage(oldDir), readPackage(newDir)];
    if (realpathSync(oldPkg.dir) === realpathSync(newPkg.dir))
      throw new DiffInputError(
        `${labels.old} and ${labels.new} are the same folder: give the old package and the new one`,
      );
    const { diffPackages } = await import("../diff/diff-packages.js");
    const result = diffPackages(oldDir, newDir);
    process.stdout.write(args.json ? formatJson(result, labels) : formatReport(result, labels));
    if (!failed(result.changes, args.failOn)) return 0;
    process.stderr.write(`clientgen diff: failing: changes at or above '${args.failOn}' (--fail-on ${args.failOn})\n`);
    return 1;
  } finally {
    base?.cleanup();
  }
}

/** `openai` is generated/openai; anything that looks like a path (`packages/openai`, `./x`) is taken as one. */
function providerDir(provider: string, outDir: string, cwd: string): string {
  return resolve(cwd, /[\\/]/.test(provider) || provider.startsWith(".") ? provider : join(outDir, provider));
}

function failed(changes: readonly ApiChange[], failOn: FailOn | undefined): boolean {
  if (!failOn) return false;
  const kinds: readonly string[] = FAIL_ON[failOn];
  return changes.some((c) => kinds.includes(c.kind));
}
