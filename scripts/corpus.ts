/**
 * `npm run corpus -- <files or folders>`: generates a client for every spec given (folders: every
 * .json/.yaml/.yml inside, recursively) into a temporary folder and type-checks it with
 * `tsc --strict --noEmit`, two type-checks at a time. One row per spec, then
 * `corpus: N passed, M failed`; exit 1 if any failed.
 *
 * Results: `ok` (type-checks), `rejected` (the spec itself is invalid: a located diagnostic, which
 * counts as handled — check the reason really is a fault of the spec), `type errors N`,
 * `diagnostics` (an error without a location) and `generator error` (a crash).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hasErrors, type Diagnostic } from "../src/diagnostics.js";
import type { FileSet } from "../src/emit/file-set.js";
import { jobFor } from "../src/load/find-providers.js";
import { readAssets, type GeneratorAssets } from "../src/load/read-assets.js";
import { generateProvider } from "../src/pipeline.js";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** TypeScript 7 (through its npm alias): the compiler generated packages build with. */
const TSC = join(projectRoot, "node_modules", "typescript7", "bin", "tsc");
const SPEC_EXTENSIONS = new Set([".json", ".yaml", ".yml"]);
const CONCURRENCY = 2;

type Outcome = "ok" | "rejected" | "type errors" | "diagnostics" | "generator error";

interface Row {
  name: string;
  operations: number;
  outcome: Outcome;
  errorCount?: number;
  warnings: number;
  generateMs: number;
  tscMs?: number;
  reason?: string;
}

interface SpecInput {
  path: string;
  /** Shown in the table: the file's name, or its path from the parent of the folder named. */
  name: string;
}

/** Files named on the command line, and every spec file inside the folders named, in name order. */
export function expandInputs(inputs: string[], cwd: string): SpecInput[] {
  const out: SpecInput[] = [];
  const walk = (dir: string, base: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules") walk(path, base);
      else if (entry.isFile() && SPEC_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        out.push({ path, name: specName(relative(base, path)) });
    }
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (existsSync(path) && statSync(path).isDirectory()) walk(path, dirname(path));
    else out.push({ path, name: specName(basename(path)) });
  }
  return out;
}

const specName = (path: string): string =>
  path
    .split("\\")
    .join("/")
    .replace(/\.(json|ya?ml)$/i, "");

export function writeFileSet(dir: string, files: FileSet): void {
  for (const [path, text] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * Runs the project's tsc over a generated package, by default with its build config (declarations
 * included, so a package that would not build fails); resolves to its error lines.
 */
export function typeCheck(
  projectDir: string,
  config = "tsconfig.build.json",
): Promise<{ errors: string[]; ms: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ["--max-old-space-size=4096", TSC, "--strict", "--noEmit", "--pretty", "false", "-p", config],
      {
        cwd: projectDir,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      const errors = output.split("\n").filter((line) => /error TS\d+/.test(line));
      if (code !== 0 && errors.length === 0) errors.push(output.trim().split("\n")[0] || `tsc exited with ${code}`);
      done({ errors, ms: performance.now() - started });
    });
  });
}

const located = (d: Diagnostic): string =>
  d.location ? `${d.location.file}:${d.location.line}:${d.location.column} ` : "";
const describe = (d: Diagnostic): string => `${located(d)}${d.severity}[${d.rule}] ${d.message}`;

interface Prepared {
  row: Row;
  /** Set when a package was written and awaits its type-check. */
  outDir?: string;
}

/** Generates in this process and writes the package to a temp folder; a spec that produced no package is done here. */
async function prepare(
  { path: specPath, name }: SpecInput,
  assets: GeneratorAssets,
  cwd: string,
  temps: Set<string>,
): Promise<Prepared> {
  const started = performance.now();
  let result;
  try {
    result = await generateProvider(
      jobFor(specPath, join(tmpdir(), safeProvider(name)), safeProvider(name)),
      assets,
      cwd,
    );
  } catch (err) {
    const reason =
      err instanceof Error
        ? (err.stack ?? err.message)
            .split("\n")
            .slice(0, 3)
            .map((l) => l.trim())
            .join(" | ")
        : String(err);
    return {
      row: {
        name,
        operations: 0,
        outcome: "generator error",
        warnings: 0,
        generateMs: performance.now() - started,
        reason,
      },
    };
  }
  const generateMs = performance.now() - started;
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const row: Row = { name, operations: result.operations, outcome: "ok", warnings, generateMs };
  if (!result.files || hasErrors(result.diagnostics)) {
    const first = result.diagnostics.find((d) => d.severity === "error") ?? result.diagnostics[0];
    return {
      row: {
        ...row,
        outcome: first?.location ? "rejected" : "diagnostics",
        reason: first ? describe(first) : "no files and no diagnostic",
      },
    };
  }
  const outDir = mkdtempSync(join(tmpdir(), "clientgen-corpus-"));
  temps.add(outDir);
  writeFileSet(outDir, result.files);
  return { row, outDir };
}

/** Type-checks a written package in a child process, then removes its folder. */
async function check({ row, outDir }: Required<Prepared>, temps: Set<string>): Promise<Row> {
  try {
    const { errors, ms } = await typeCheck(outDir);
    if (errors.length === 0) return { ...row, tscMs: ms };
    return { ...row, tscMs: ms, outcome: "type errors", errorCount: errors.length, reason: errors[0] };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    temps.delete(outDir);
  }
}

const safeProvider = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, "-") || "spec";

/** A counting semaphore: `acquire()` resolves to a release function once a slot is free. */
function semaphore(size: number): () => Promise<() => void> {
  let free = size;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return () =>
    new Promise((grant) => {
      if (free > 0) {
        free--;
        grant(release);
      } else waiting.push(() => grant(release));
    });
}

const seconds = (ms: number | undefined): string => (ms === undefined ? "-" : `${(ms / 1000).toFixed(1)}s`);

function formatRow(row: Row, width: number): string {
  const result = row.outcome === "type errors" ? `type errors ${row.errorCount}` : row.outcome;
  const cells = [
    row.name.padEnd(width),
    String(row.operations).padStart(5),
    result.padEnd(16),
    `gen ${seconds(row.generateMs).padStart(6)}`,
    `tsc ${seconds(row.tscMs).padStart(6)}`,
  ];
  if (row.warnings) cells.push(`${row.warnings} warning(s)`);
  const line = cells.join("  ");
  return row.reason ? `${line}\n    ${row.outcome === "rejected" ? "invalid input:" : "reason:"} ${row.reason}` : line;
}

async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  if (argv.length === 0 || argv.includes("--help")) {
    process.stderr.write("Usage: npm run corpus -- <spec files or folders>…\n");
    return argv.length === 0 ? 1 : 0;
  }
  const missing = argv.filter((input) => !existsSync(resolve(cwd, input)));
  if (missing.length) {
    process.stderr.write(`corpus: no such file or folder: ${missing.join(", ")}\n`);
    return 2;
  }
  const specs = expandInputs(argv, cwd);
  const assets = readAssets();
  const width = Math.min(80, Math.max(8, ...specs.map((s) => s.name.length)));
  process.stdout.write(
    `${"spec".padEnd(width)}  ${"ops".padStart(5)}  ${"result".padEnd(16)}  generation  type-check\n`,
  );
  // Packages written and not yet removed: removed on Ctrl-C too, and if anything throws.
  const temps = new Set<string>();
  const removeTemps = () => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  const interrupted = () => {
    removeTemps();
    process.exit(130);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  try {
    return await runAll(specs, assets, cwd, temps, width);
  } finally {
    removeTemps();
  }
}

async function runAll(
  specs: SpecInput[],
  assets: GeneratorAssets,
  cwd: string,
  temps: Set<string>,
  width: number,
): Promise<number> {
  const slot = semaphore(CONCURRENCY);
  const rows: (Row | undefined)[] = specs.map(() => undefined);
  let printed = 0;
  const flush = () => {
    while (printed < rows.length && rows[printed]) process.stdout.write(`${formatRow(rows[printed++]!, width)}\n`);
  };
  const pending: Promise<void>[] = [];
  const done = (i: number, row: Row) => {
    rows[i] = row;
    flush();
  };
  for (const [i, spec] of specs.entries()) {
    // Generation runs here, one spec at a time, beside at most CONCURRENCY type-checks.
    const prepared = await prepare(spec, assets, cwd, temps);
    if (!prepared.outDir) {
      done(i, prepared.row);
      continue;
    }
    const release = await slot();
    pending.push(
      check(prepared as Required<Prepared>, temps)
        .then((row) => done(i, row))
        .finally(release),
    );
  }
  await Promise.all(pending);
  return summarise(rows as Row[]);
}

function summarise(rows: Row[]): number {
  const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
  const passed = count("ok") + count("rejected");
  const failed = rows.length - passed;
  process.stdout.write(
    `\n${count("ok")} type-checked, ${count("rejected")} rejected as invalid input, ${count("type errors")} with type errors, ` +
      `${count("diagnostics")} unlocated diagnostics, ${count("generator error")} generator errors\n`,
  );
  process.stdout.write(`corpus: ${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`corpus: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(2);
    },
  );
}
