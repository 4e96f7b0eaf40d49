/**
 * `npm run bench -- <spec> [--runs N] [--layers]`: clientgen as users run it, through its bin
 * (bin/clientgen.js → dist/, what `npx clientgen` and an npm script run), each figure beside its
 * reference in the same run: a no-op `generate` of this repository's providers against a bare
 * `node -e 0`; a fresh generation of <spec> into an empty folder against openapi-typescript's CLI;
 * "spec to consumable package" (generate, then build the package to JavaScript and declarations
 * with TypeScript 7, its build compiler) against openapi-typescript's generation. Then tsc time over
 * both outputs and the one-operation bundle size. Prints figures and ratios; asserts nothing
 * (targets are read by people, not by tests). `--layers` also type-checks the package layer by layer
 * (types, + models and runtime, + operations, + flat client, + builders), to show where tsc's time goes.
 * Then scripts/bench-stream.ts: events per second through `Stream` and memory while streaming 100 MB.
 * Last, scripts/bench-overhead.ts: per-request time over fetch (and fetch with a timeout signal) of a
 * generated client, without and with a no-op middleware, and of openai-node, on one 127.0.0.1 server.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measure, measureInterleaved, median, runNode } from "./lib/measure.js";

const root = resolve(import.meta.dirname, "..");
const bin = {
  clientgen: join(root, "bin", "clientgen.js"),
  tsc: join(root, "node_modules", "typescript", "bin", "tsc"),
  tsc7: join(root, "node_modules", "typescript7", "bin", "tsc"),
  ots: join(root, "node_modules", "openapi-typescript", "bin", "cli.js"),
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "3" }, layers: { type: "boolean", default: false } },
});
const spec = positionals[0] ? resolve(positionals[0]) : undefined;
if (!spec || !existsSync(spec)) {
  process.stderr.write(
    "usage: npm run bench -- <spec.json|yaml> [--runs N]   (e.g. ../shared/corpus/github-api.json)\n",
  );
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs));
const work = mkdtempSync(join(tmpdir(), "clientgen-bench-out-"));
// Outputs are deleted only here, once everything is measured (and on Ctrl-C): see freshFolder().
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
const specName = basename(spec).replace(/\.(json|ya?ml)$/, "");

/**
 * A folder no run has used, for each measured run, so that every run is a fresh generation into
 * an empty folder (a folder left by the previous run would be skipped by its input stamp). Nothing
 * is deleted between runs: on a filesystem without a journal (ext4 here) creating inodes soon after
 * deleting as many makes the kernel skip each recently freed one (`recently_deleted` in ext4's
 * inode allocator), which turned 0.1-0.3 s of file creation into 0.7-3.8 s and measured the previous run's
 * `rm`, not the generator.
 */
let folders = 0;
const freshFolder = (prefix: string): string => join(work, `${prefix}-${++folders}`);

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const row = (label: string, value: string, extra = "") =>
  process.stdout.write(`${label.padEnd(58)} ${value.padStart(12)}  ${extra}\n`);

const os = await import("node:os");
process.stdout.write(
  `bench: ${basename(spec)}, ${runs} measured run(s) after one warm-up, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
);
// The bin runs dist/: build it from the current sources first, as `npm ci` (prepare) does.
spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
process.stdout.write(
  `through the installed bin (${relative(root, bin.clientgen)} → dist/), each beside its reference, runs interleaved\n`,
);
process.stdout.write(
  `outputs: a new folder per run under ${work} (set TMPDIR to move it), deleted only when the bench ends, since creating files right after deleting as many is slow on some filesystems\n\n`,
);

const noopOut = join(work, "noop");
const noop = () => runNode([bin.clientgen, "generate", "--specs", join(root, "specs"), "--out-dir", noopOut], root);
noop(); // writes the packages and their input stamps; every measured run then has nothing to do
const idle = measureInterleaved(runs, { noop, bare: () => runNode(["-e", "0"], root) });
row(
  `no-op clientgen generate (${readdirSync(join(root, "specs")).length} providers)`,
  fmt(idle.noop.medianMs),
  `cpu ${fmt(idle.noop.cpuMs)}; node -e 0: ${fmt(idle.bare.medianMs)}, cpu ${fmt(idle.bare.cpuMs)}`,
);
row("ratio no-op / node -e 0", `${(idle.noop.medianMs / idle.bare.medianMs).toFixed(2)}x`, "target <= 8x");

let ours = "";
let theirs = "";
const generate = () =>
  runNode(
    [bin.clientgen, "generate", "--spec", spec, "--out", (ours = join(freshFolder("clientgen"), specName))],
    root,
  );
const buildMs: number[] = [];
const { gen, ots, built } = measureInterleaved(runs, {
  gen: generate,
  ots: () => runNode([bin.ots, spec, "--output", (theirs = join(freshFolder("ots"), "types.ts")), "--silent"], root),
  built: () => {
    const generated = generate();
    if (generated.status !== 0) return generated;
    const compiled = runNode([bin.tsc7, "-p", join(ours, "tsconfig.build.json")], root);
    buildMs.push(compiled.ms);
    return {
      ...compiled,
      ms: generated.ms + compiled.ms,
      cpuMs: generated.cpuMs + compiled.cpuMs,
      sysMs: generated.sysMs + compiled.sysMs,
      peakMiB: Math.max(generated.peakMiB, compiled.peakMiB),
    };
  },
});
process.stdout.write("\n");
row(
  "clientgen generate, empty folder (types, both styles, docs)",
  fmt(gen.medianMs),
  `cpu ${fmt(gen.cpuMs)} (sys ${fmt(gen.sysMs)}), peak ${gen.peakMiB.toFixed(0)} MiB`,
);
row(
  "openapi-typescript CLI (types only)",
  fmt(ots.medianMs),
  `cpu ${fmt(ots.cpuMs)} (sys ${fmt(ots.sysMs)}), peak ${ots.peakMiB.toFixed(0)} MiB`,
);
row(
  "ratio clientgen / openapi-typescript",
  `${(gen.medianMs / ots.medianMs).toFixed(2)}x`,
  "target <= 0.80x, peak <= 600 MiB",
);

process.stdout.write("\n");
row(
  "spec to consumable package (generate + tsc 7 build)",
  fmt(built.medianMs),
  `cpu ${fmt(built.cpuMs)}; JavaScript and declarations in dist/`,
);
row("ratio / openapi-typescript generation", `${(built.medianMs / ots.medianMs).toFixed(2)}x`, "goal <= 1.50x");
row(
  "  of which the tsc 7 build (tsc -p tsconfig.build.json)",
  fmt(median(buildMs.slice(1))),
  "median of the measured runs",
);

const otsDir = dirname(theirs);
writeFileSync(
  join(otsDir, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      types: [],
      skipLibCheck: true,
    },
    files: ["types.ts"],
  }),
);
const { tscOurs, tscTheirs } = measureInterleaved(runs, {
  tscOurs: () => runNode([bin.tsc, "--noEmit", "-p", ours], root),
  tscTheirs: () => runNode([bin.tsc, "--noEmit", "-p", otsDir], root),
});
process.stdout.write("\n");
row("tsc --strict --noEmit, clientgen output", fmt(tscOurs.medianMs), "0 errors");
row("tsc --strict --noEmit, openapi-typescript output", fmt(tscTheirs.medianMs), "0 errors");
row("ratio", `${(tscOurs.medianMs / tscTheirs.medianMs).toFixed(2)}x`, "target <= 1.30x");
if (values.layers) tscLayers();

process.stdout.write("\n");
const bundle = spawnSync(
  process.execPath,
  ["--import", "tsx", join(root, "scripts", "bench-bundle.ts"), "--only", ours],
  { cwd: root, encoding: "utf8" },
);
process.stdout.write(bundle.stdout || bundle.stderr);

// The runtime's streaming read path: the same whatever the spec, so it runs with defaults (scripts/bench-stream.ts).
process.stdout.write("\n");
const stream = spawnSync(
  process.execPath,
  ["--expose-gc", "--import", "tsx", join(root, "scripts", "bench-stream.ts"), "--runs", String(runs)],
  { cwd: root, encoding: "utf8" },
);
process.stdout.write(stream.stdout || stream.stderr);

// Per-request overhead over fetch, beside openai-node's, on one 127.0.0.1 server (scripts/bench-overhead.ts).
process.stdout.write("\n");
const overhead = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "bench-overhead.ts")], {
  cwd: root,
  encoding: "utf8",
});
process.stdout.write(overhead.stdout || overhead.stderr);

/** tsc over growing parts of the package (each the files listed plus what they import), with the package's own compiler options. */
function tscLayers(): void {
  const layers: Array<[string, string[]]> = [
    ["types.ts alone", ["src/types.ts"]],
    ["+ models.ts and the runtime", ["src/types.ts", "src/models.ts", "src/runtime/index.ts"]],
    ["+ standalone operations", ["src/types.ts", "src/models.ts", "src/runtime/index.ts", "src/operations/index.ts"]],
    [
      "+ flat client",
      ["src/types.ts", "src/models.ts", "src/runtime/index.ts", "src/operations/index.ts", "src/index.ts"],
    ],
  ];
  if (existsSync(join(ours, "src", "builder.ts")))
    layers.push(["+ builders (the whole package)", [...layers[3]![1], "src/builder.ts"]]);
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
