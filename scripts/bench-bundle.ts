/**
 * `npx tsx scripts/bench-bundle.ts [generated package dir…]`: how many bytes a consumer ships.
 * For each package (default: every package in generated/, plus any given) it bundles three tiny
 * consumers with esbuild (bundle, minify, ESM, browser platform, straight from the package's
 * TypeScript sources) and prints min and min+gzip (level 9) sizes:
 *   one-op   `await op(new XCore(), "id")` from `<pkg>/core` and `<pkg>/operations`
 *   flat     `await new X().a.b.method("id")` from `<pkg>` (the whole flat client)
 *   builder  `await new XApi().op("id").execute()` from `<pkg>/builder` (when src/builder.ts exists)
 * The operation is GitHub's `reposGet` when present (issue 5's reference), else the first non-list
 * operation with a path parameter, else the first non-list one. The budget, one-op ≤ 3,500 B gzip, is set on
 * GitHub's `reposGet`: issue 11's 3,232 B plus the checks issues 19 and 20 put on every request (the base-URL
 * refusal, the middleware check, `_request_id`; docs/performance.md has the ledger). A row that cannot be built
 * makes the exit code 1. The reference row (else the first one-op row) is then broken down by module: the
 * minified bytes each contributes and its share of the gzip size in proportion (gzip is not additive).
 */
import { build } from "esbuild";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET = 3500;
const PKG = "bench-pkg";

interface Operation {
  fn: string;
  pathArgs: number;
  list: boolean;
}

interface Row {
  pkg: string;
  via: string;
  call: string;
  min?: number;
  gzip?: number;
  /** Minified bytes by source module, relative to the package's src/ (the entry as `(entry)`). */
  modules?: Array<[string, number]>;
  error?: string;
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
const tsFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ts"))
        .map((e) => join(e.parentPath, e.name))
        .sort()
    : [];

/** Every standalone operation function, in the order src/operations/index.ts re-exports its modules. */
function readOperations(pkgDir: string): Operation[] {
  const dir = join(pkgDir, "src/operations");
  const modules = [...readFileSync(join(dir, "index.ts"), "utf8").matchAll(/from "\.\/(.+?)\.js"/g)].map((m) =>
    join(dir, `${m[1]}.ts`),
  );
  const ops: Operation[] = [];
  for (const file of modules) {
    for (const s of parse(file).statements) {
      if (!ts.isFunctionDeclaration(s) || !s.name || !s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        continue;
      const names = s.parameters.map((p) => p.name.getText());
      const pathArgs = names.slice(1).filter((n) => n !== "params" && n !== "options").length;
      ops.push({ fn: s.name.text, pathArgs, list: /PagePromise/.test(s.type?.getText() ?? "") });
    }
  }
  return ops;
}

function pickOperation(ops: Operation[]): Operation | undefined {
  const plain = ops.filter((o) => !o.list);
  return ops.find((o) => o.fn === "reposGet") ?? plain.find((o) => o.pathArgs > 0) ?? plain[0];
}

/** Classes in `files` as name → { fields: property → class it instantiates, methods: method → function it calls }. */
function readClasses(files: string[]) {
  const classes = new Map<string, { fields: Map<string, string>; calls: Map<string, string>; base?: string }>();
  for (const file of files) {
    for (const s of parse(file).statements) {
      if (!ts.isClassDeclaration(s) || !s.name) continue;
      const base = s.heritageClauses?.[0]?.types[0]?.expression.getText();
      const info = { fields: new Map<string, string>(), calls: new Map<string, string>(), base };
      for (const m of s.members) {
        if (ts.isPropertyDeclaration(m) && m.initializer && ts.isNewExpression(m.initializer))
          info.fields.set(m.name.getText(), m.initializer.expression.getText());
        if (ts.isMethodDeclaration(m) && m.body) {
          const called = /return (\w+)\(/.exec(m.body.getText())?.[1];
          if (called) info.calls.set(called, m.name.getText());
        }
      }
      classes.set(s.name.text, info);
    }
  }
  return classes;
}

/** `organization.invites.retrieve`: the property path from the client class to the flat method calling `fn`. */
function flatPath(pkgDir: string, client: string, fn: string): string | undefined {
  const classes = readClasses([join(pkgDir, "src/index.ts"), ...tsFiles(join(pkgDir, "src/resources"))]);
  const walk = (name: string, seen: Set<string>): string[] | undefined => {
    const c = classes.get(name);
    if (!c || seen.has(name)) return undefined;
    seen.add(name);
    const method = c.calls.get(fn);
    if (method) return [method];
    for (const [field, cls] of c.fields) {
      const rest = walk(cls, seen);
      if (rest) return [field, ...rest];
    }
    return c.base ? walk(c.base, seen) : undefined;
  };
  return walk(client, new Set())?.join(".");
}

/** The builder API class with a method named `fn`. */
function builderClass(pkgDir: string, fn: string): string | undefined {
  const files = tsFiles(join(pkgDir, "src")).filter((f) => !/[/\\](operations|resources|runtime)[/\\]/.test(f));
  for (const file of files) {
    for (const s of parse(file).statements) {
      if (
        ts.isClassDeclaration(s) &&
        s.name &&
        s.members.some((m) => ts.isMethodDeclaration(m) && m.name.getText() === fn)
      )
        return s.name.text;
    }
  }
  return undefined;
}

/** Bundles `entry` (which imports `bench-pkg/...`, resolved to the package's src/) and measures it. */
async function measure(pkgDir: string, entry: string): Promise<{ min: number; gzip: number; modules: Row["modules"] }> {
  const dir = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  try {
    const file = join(dir, "entry.ts");
    writeFileSync(file, entry);
    const out = await build({
      entryPoints: [file],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      mainFields: ["module", "main"],
      alias: { [PKG]: join(pkgDir, "src") },
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const code = out.outputFiles[0]!.contents;
    const inputs = Object.values(out.metafile.outputs)[0]?.inputs ?? {};
    const src = resolve(pkgDir, "src");
    const modules = Object.entries(inputs)
      .map(([file, { bytesInOutput }]): [string, number] => {
        // esbuild names inputs relative to its working directory, ours.
        const abs = resolve(file);
        return [abs.startsWith(src) ? abs.slice(src.length + 1) : "(entry)", bytesInOutput];
      })
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPackage(pkgDir: string): Promise<Row[]> {
  const pkg = basename(pkgDir);
  const core = /export class (\w+) extends ClientCore/.exec(readFileSync(join(pkgDir, "src/core.ts"), "utf8"))?.[1];
  const client = /export default (\w+);/.exec(readFileSync(join(pkgDir, "src/index.ts"), "utf8"))?.[1];
  const op = pickOperation(readOperations(pkgDir));
  if (!core || !client || !op)
    return [{ pkg, via: "one-op", call: "-", error: "no core class, client class or non-list operation found" }];
  const args = Array.from({ length: op.pathArgs }, () => `"id"`).join(", ");
  const cases: Array<[string, string, string | undefined]> = [
    [
      "one-op",
      `${op.fn}(${["core", ...(args ? [args] : [])].join(", ")})`,
      `import { ${core} } from "${PKG}/core";\nimport { ${op.fn} } from "${PKG}/operations";\nconsole.log(await ${op.fn}(new ${core}()${args ? ", " + args : ""}));\n`,
    ],
  ];
  const path = flatPath(pkgDir, client, op.fn);
  cases.push([
    "flat",
    `client.${path ?? "?"}(${args})`,
    path && `import Client from "${PKG}";\nconsole.log(await new Client().${path}(${args}));\n`,
  ]);
  if (existsSync(join(pkgDir, "src/builder.ts"))) {
    const api = builderClass(pkgDir, op.fn);
    cases.push([
      "builder",
      `new ${api ?? "?"}().${op.fn}(${args}).execute()`,
      api && `import { ${api} } from "${PKG}/builder";\nconsole.log(await new ${api}().${op.fn}(${args}).execute());\n`,
    ]);
  }
  const rows: Row[] = [];
  for (const [via, call, entry] of cases) {
    if (!entry) rows.push({ pkg, via, call, error: "calling path not found" });
    else
      rows.push(
        await measure(pkgDir, entry).then(
          (m) => ({ pkg, via, call, ...m }),
          (e: Error) => ({ pkg, via, call, error: e.message.split("\n")[0] }),
        ),
      );
  }
  return rows;
}

function defaultPackages(): string[] {
  const dir = join(projectRoot, "generated");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "src/core.ts")))
    .map((d) => join(dir, d.name))
    .sort();
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
// `--only DIR…` measures just those packages (npm run bench uses it); otherwise the seed packages come too.
const args = process.argv.slice(2);
const only = args[0] === "--only";
const given = (only ? args.slice(1) : args).map((p) => resolve(p));
const packages = only ? given : [...defaultPackages(), ...given];
console.log(`${"package".padEnd(12)} ${"via".padEnd(8)} ${"call".padEnd(44)} ${pad("min B", 8)} ${pad("gzip B", 8)}`);
let max = 0;
let reference: number | undefined;
let breakdown: Row | undefined;
let failed = false;
for (const dir of packages) {
  for (const r of await benchPackage(dir)) {
    const call = r.call.length > 44 ? r.call.slice(0, 41) + "..." : r.call;
    if (r.error) failed = true;
    else if (r.via === "one-op") {
      max = Math.max(max, r.gzip!);
      if (r.call.startsWith("reposGet(")) [reference, breakdown] = [r.gzip!, r];
      breakdown ??= r;
    }
    console.log(
      `${r.pkg.padEnd(12)} ${r.via.padEnd(8)} ${call.padEnd(44)} ${r.error ? "error: " + r.error : `${pad(r.min!, 8)} ${pad(r.gzip!, 8)}`}`,
    );
  }
}
// The target is set on GitHub's `reposGet` (issue 5); seed packages' operations carry auth, parameters and bodies.
if (reference !== undefined)
  console.log(
    `reposGet one-op gzip: ${reference} B ${reference <= TARGET ? "≤" : ">"} ${TARGET} B target: ${reference <= TARGET && !failed ? "OK" : "OVER"}`,
  );
console.log(`max one-op gzip over the packages above: ${max} B${failed ? " (some rows failed)" : ""}`);
if (failed) process.exitCode = 1;
if (breakdown?.modules) {
  const { pkg, min, gzip, modules } = breakdown as Required<Row>;
  console.log(`\n${pkg} one-op by module: minified bytes, and the gzip bytes in proportion`);
  for (const [file, bytes] of modules)
    console.log(`  ${file.padEnd(40)} ${pad(bytes, 8)} ${pad(Math.round((gzip * bytes) / min), 8)}`);
}
