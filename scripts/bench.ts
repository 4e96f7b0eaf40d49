/**
 * `npm run bench -- <spec> [--runs N] [--layers]`: generation speed and memory against openapi-typescript's
 * types-only CLI, tsc time over both outputs, and the one-operation bundle size. Prints figures and
 * ratios; asserts nothing (targets are read by people, not by tests). `--layers` also type-checks the
 * package layer by layer (types, + models and runtime, + operations, + flat client, + builders), to
 * show where tsc's time goes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measure, runNode } from "./lib/measure.js";

const root = resolve(import.meta.dirname, "..");
const bin = {
  tsc: join(root, "node_modules", "typescript", "bin", "tsc"),
  ots: join(root, "node_modules", "openapi-typescript", "bin", "cli.js"),
};

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" }, layers: { type: "boolean", default: false } } });
const spec = positionals[0] ? resolve(positionals[0]) : undefined;
if (!spec || !existsSync(spec)) {
  process.stderr.write("usage: npm run bench -- <spec.json|yaml> [--runs N]   (e.g. ../shared/corpus/github-api.json)\n");
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs));
const work = mkdtempSync(join(tmpdir(), "clientgen-bench-out-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const ours = join(work, basename(spec).replace(/\.(json|ya?ml)$/, ""));
const theirs = join(work, "ots", "types.ts");

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const row = (label: string, value: string, extra = "") => process.stdout.write(`${label.padEnd(44)} ${value.padStart(12)}  ${extra}\n`);

process.stdout.write(`bench: ${basename(spec)}, ${runs} measured run(s) after one warm-up, ${(await import("node:os")).cpus().length} cores\n\n`);
// `--import tsx` in this process rather than tsx's CLI, which would measure a wrapper process instead.
const gen = measure("clientgen generate", runs, () => runNode(["--import", "tsx", join(root, "src", "cli.ts"), "generate", "--spec", spec, "--out", ours], root));
const ots = measure("openapi-typescript", runs, () => runNode([bin.ots, spec, "--output", theirs, "--silent"], root));
row("clientgen generate (types, both styles, docs)", fmt(gen.medianMs), `peak ${gen.peakMiB.toFixed(0)} MiB`);
row("openapi-typescript CLI (types only)", fmt(ots.medianMs), `peak ${ots.peakMiB.toFixed(0)} MiB`);
row("ratio clientgen / openapi-typescript", `${(gen.medianMs / ots.medianMs).toFixed(2)}x`, "target <= 1.00x, peak <= 600 MiB");

writeFileSync(
  join(work, "ots", "tsconfig.json"),
  JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", types: [], skipLibCheck: true }, files: ["types.ts"] }),
);
const tscOurs = measure("tsc over clientgen's output", runs, () => runNode([bin.tsc, "--noEmit", "-p", ours], root));
const tscTheirs = measure("tsc over openapi-typescript's output", runs, () => runNode([bin.tsc, "--noEmit", "-p", join(work, "ots")], root));
process.stdout.write("\n");
row("tsc --strict --noEmit, clientgen output", fmt(tscOurs.medianMs), "0 errors");
row("tsc --strict --noEmit, openapi-typescript output", fmt(tscTheirs.medianMs), "0 errors");
row("ratio", `${(tscOurs.medianMs / tscTheirs.medianMs).toFixed(2)}x`, "target <= 1.30x");
if (values.layers) tscLayers();

process.stdout.write("\n");
const bundle = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "bench-bundle.ts"), "--only", ours], { cwd: root, encoding: "utf8" });
process.stdout.write(bundle.stdout || bundle.stderr);

/** tsc over growing parts of the package (each the files listed plus what they import), with the package's own compiler options. */
function tscLayers(): void {
  const layers: Array<[string, string[]]> = [
    ["types.ts alone", ["src/types.ts"]],
    ["+ models.ts and the runtime", ["src/types.ts", "src/models.ts", "src/runtime/index.ts"]],
    ["+ standalone operations", ["src/types.ts", "src/models.ts", "src/runtime/index.ts", "src/operations/index.ts"]],
    ["+ flat client", ["src/types.ts", "src/models.ts", "src/runtime/index.ts", "src/operations/index.ts", "src/index.ts"]],
  ];
  if (existsSync(join(ours, "src", "builder.ts"))) layers.push(["+ builders (the whole package)", [...layers[3]![1], "src/builder.ts"]]);
  process.stdout.write("\ntsc by layer (each row includes the rows above it)\n");
  let previous = 0;
  layers.forEach(([label, files], i) => {
    const config = join(ours, `tsconfig.layer-${i}.json`);
    writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", files, include: [] }));
    const m = measure(`tsc layer ${label}`, runs, () => runNode([bin.tsc, "--noEmit", "-p", config], root));
    row(`  ${label}`, fmt(m.medianMs), i ? `+${fmt(m.medianMs - previous)}` : "");
    previous = m.medianMs;
  });
}