import { realpathSync } from "node:fs";
import { parseArgs } from "node:util";
import { join, relative, resolve } from "node:path";
import { formatJson, formatReport, type SideLabels } from "../diff/format-report.js";
import { materialiseBase, type BaseCheckout } from "../diff/materialise-base.js";
import { DiffInputError, readPackage } from "../diff/read-package.js";
import type { ApiChange } from "../diff/classify.js";

export const diffUsage = `Usage:
  clientgen diff OLD NEW                    compare the public API of two generated package folders
  clientgen diff <provider> --base REF      generated/<provider> now against the same folder at git commit REF
  clientgen diff DIR --base REF             any package folder in the repository (a path with a /) against REF

Options:
  --base REF            a commit, branch or tag (with a provider name)
  --out-dir DIR         folder of generated packages (default: generated)
  --fail-on LEVEL       exit 1 when a change is at least this serious: breaking | compatible | any
  --json                the changes and the verdict as JSON
  --debug               print stack traces for internal errors
  -h, --help            this text

Each change is printed with its place and classified as breaking, compatible or none (documentation only);
the last line is \`semver: major|minor|patch\`.
Exit codes: 0 ok, 1 bad input or --fail-on met, 2 usage error, 3 internal error.
`;

const FAIL_ON = { breaking: ["breaking"], compatible: ["breaking", "compatible"], any: ["breaking", "compatible", "none"] } as const;
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
  help: boolean;
}

export class DiffUsageError extends Error {}

export function parseDiffArgs(argv: string[]): DiffArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        base: { type: "string" },
        "out-dir": { type: "string", default: "generated" },
        "fail-on": { type: "string" },
        json: { type: "boolean", default: false },
        debug: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    throw new DiffUsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const args: DiffArgs = { outDir: values["out-dir"], json: values.json, debug: values.debug, help: values.help };
  if (args.help) return args;
  const failOn = values["fail-on"];
  if (failOn !== undefined) {
    if (!(failOn in FAIL_ON)) throw new DiffUsageError(`--fail-on '${failOn}': expected one of ${Object.keys(FAIL_ON).join(", ")}`);
    args.failOn = failOn as FailOn;
  }
  if (values.base !== undefined) {
    if (positionals.length !== 1) throw new DiffUsageError(`--base compares one provider with a commit: give exactly one provider name (got ${positionals.length})`);
    return { ...args, provider: positionals[0]!, base: values.base };
  }
  if (positionals.length === 1) throw new DiffUsageError(`one folder given: give OLD and NEW folders, or a provider with --base REF`);
  if (positionals.length !== 2) throw new DiffUsageError(`expected OLD and NEW package folders, got ${positionals.length} argument(s)`);
  return { ...args, old: positionals[0]!, new: positionals[1]! };
}

/** `clientgen diff`: exit 0 with the report, 1 on bad input or when `--fail-on` is met, 2 on usage errors. */
export async function runDiff(argv: string[]): Promise<number> {
  let args: DiffArgs;
  try {
    args = parseDiffArgs(argv);
  } catch (err) {
    if (!(err instanceof DiffUsageError)) throw err;
    process.stderr.write(`clientgen diff: ${err.message}\n\n${diffUsage}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(diffUsage);
    return 0;
  }
  try {
    return await compareAndReport(args);
  } catch (err) {
    if (err instanceof DiffInputError) {
      process.stderr.write(`clientgen diff: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`clientgen diff: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (args.debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write("run again with --debug for the stack trace, and report it with the packages that caused it\n");
    return 3;
  }
}

async function compareAndReport(args: DiffArgs): Promise<number> {
  const cwd = process.cwd();
  const packageDir = args.provider === undefined ? undefined : providerDir(args.provider, args.outDir, cwd);
  const base: BaseCheckout | undefined = args.base === undefined ? undefined : materialiseBase(packageDir!, args.base, cwd);
  try {
    const [oldDir, newDir] = [base?.dir ?? args.old!, packageDir ?? args.new!];
    const labels: SideLabels = { old: base?.label ?? args.old!, new: base ? relative(cwd, newDir) || "." : args.new! };
    // Both folders are checked, and ts-morph loaded, only once the arguments are known good.
    const [oldPkg, newPkg] = [readPackage(oldDir), readPackage(newDir)];
    if (realpathSync(oldPkg.dir) === realpathSync(newPkg.dir)) throw new DiffInputError(`${labels.old} and ${labels.new} are the same folder: give the old package and the new one`);
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
