/**
 * `npx tsx scripts/bench-diff.ts <spec> [--runs N]`: how long `clientgen diff` takes on a spec's package.
 * Generates the package once, copies it, and diffs the copy against the original: every type is walked and
 * nothing differs, the worst case for the walk. Prints figures; asserts nothing.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measure, runNode } from "./lib/measure.js";

const root = resolve(import.meta.dirname, "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "1" } },
});
const spec = positionals[0] ? resolve(positionals[0]) : undefined;
if (!spec || !existsSync(spec)) {
  process.stderr.write(
    "usage: npx tsx scripts/bench-diff.ts <spec.json|yaml> [--runs N]   (e.g. ../shared/corpus/github-api.json)\n",
  );
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "clientgen-bench-diff-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const cli = join(root, "src", "cli.ts");
const [before, after] = [join(work, "before"), join(work, "after")];

const generated = runNode(["--import", "tsx", cli, "generate", "--spec", spec, "--out", before], root);
if (generated.status !== 0) throw new Error(`generate failed:\n${generated.stderr.slice(-2000)}`);
cpSync(before, after, { recursive: true });
const diff = measure("clientgen diff", Math.max(1, Number(values.runs)), () =>
  runNode(["--import", "tsx", cli, "diff", before, after], root),
);
process.stdout.write(
  `clientgen diff, ${basename(spec)}'s package against a copy of itself: ${(diff.medianMs / 1000).toFixed(2)} s median, peak ${diff.peakMiB.toFixed(0)} MiB\n`,
);
