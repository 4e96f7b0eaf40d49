import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/generate.js";
import { codeBlocks } from "../helpers/markdown-blocks.js";
import { strictDiagnostics } from "../helpers/strict-check.js";

/**
 * Every ```ts block in every generated README and docs page compiles as printed: each is written to a
 * file of its own, unchanged, and all of them are type-checked under --strict in one program whose
 * `paths` resolve each package's name and entry points (package.json `exports`) to its sources, as an
 * installed package would resolve them to its built declarations. A block that leans on something it
 * does not import (a `client` from another block) fails here. The same goes for the `@example` of
 * every flat method, builder method and entry point in the packages' TypeScript (the docs pages'
 * examples, shown on hover), checked in the same program.
 */

interface Block {
  provider: string;
  /** `generated/openai/docs/organization.invites.md:31` */
  where: string;
  code: string;
  file: string;
}

interface PackageJson {
  name: string;
  exports: Record<string, { import: string }>;
}

/** generated/, or another folder of packages (`CLIENTGEN_DOCS_ROOT=/tmp/out`, e.g. GitHub's spec generated there). */
const generated = process.env.CLIENTGEN_DOCS_ROOT ?? join(projectRoot, "generated");
const providers = readdirSync(generated).filter((p) => existsSync(join(generated, p, "package.json")));
const work = mkdtempSync(join(tmpdir(), "clientgen-doc-examples-"));
const packages = new Map(
  providers.map((p) => [p, JSON.parse(readFileSync(join(generated, p, "package.json"), "utf8")) as PackageJson]),
);

/** README.md and every page under docs/, relative to the package. */
const markdownFiles = (provider: string): string[] => {
  const docs = join(generated, provider, "docs");
  const pages = existsSync(docs)
    ? (readdirSync(docs, { recursive: true }) as string[]).filter((f) => f.endsWith(".md")).map((f) => join("docs", f))
    : [];
  return ["README.md", ...pages.sort()];
};

const blocks: Block[] = providers.flatMap((provider) =>
  markdownFiles(provider).flatMap((page) =>
    codeBlocks(readFileSync(join(generated, provider, page), "utf8"))
      .filter((b) => b.language === "ts" || b.language === "typescript")
      .map((b): Block => {
        const dir = join(work, provider);
        mkdirSync(dir, { recursive: true });
        // .mts: each block is an ES module on its own, whatever it contains.
        const file = join(dir, `${page.replace(/[/\\.]/g, "_")}_${b.line}.mts`);
        writeFileSync(file, b.code + "\n");
        return { provider, where: `generated/${provider}/${page}:${b.line}`, code: b.code, file };
      }),
  ),
);

/** Every .ts file under the package's src/, relative to the package (types.ts is openapi-typescript's). */
const sourceFiles = (provider: string): string[] =>
  (readdirSync(join(generated, provider, "src"), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && f !== "types.ts")
    .map((f) => join("src", f).split("\\").join("/"))
    .sort();

/** The programs of `@example` tags: a fenced ```ts block right after the tag, the comment's ` * ` taken off. */
function exampleBlocks(text: string): Array<{ line: number; code: string }> {
  const lines = text.split("\n");
  const out: Array<{ line: number; code: string }> = [];
  const uncomment = (l: string) => l.replace(/^\s*\*( |$)/, "");
  lines.forEach((l, i) => {
    if (!/^\s*\* @example$/.test(l) || uncomment(lines[i + 1] ?? "") !== "```ts") return;
    const end = lines.findIndex((e, j) => j > i + 1 && uncomment(e) === "```");
    if (end > 0)
      out.push({
        line: i + 3,
        code: lines
          .slice(i + 2, end)
          .map(uncomment)
          .join("\n"),
      });
  });
  return out;
}

const jsdocBlocks: Block[] = providers.flatMap((provider) =>
  sourceFiles(provider).flatMap((source) =>
    exampleBlocks(readFileSync(join(generated, provider, source), "utf8")).map((b): Block => {
      const file = join(work, provider, `${source.replace(/[/\\.]/g, "_")}_${b.line}.mts`);
      mkdirSync(join(work, provider), { recursive: true });
      writeFileSync(file, b.code + "\n");
      return { provider, where: `generated/${provider}/${source}:${b.line}`, code: b.code, file };
    }),
  ),
);

/**
 * The methods of the flat client's classes (src/index.ts, src/resources/) and of the builder's API
 * classes (src/apis/) that have no `@example` tag, as `file: Class.method`.
 */
function methodsWithoutExample(provider: string): { checked: number; missing: string[] } {
  const files = sourceFiles(provider).filter((f) => /^src\/(index\.ts$|resources\/|apis\/)/.test(f));
  let checked = 0;
  const missing: string[] = [];
  for (const source of files) {
    const sf = ts.createSourceFile(
      source,
      readFileSync(join(generated, provider, source), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      // Overloads share the first declaration's comment.
      const methods = new Map<string, ts.MethodDeclaration[]>();
      for (const m of cls.members.filter(ts.isMethodDeclaration))
        if (ts.isIdentifier(m.name)) methods.set(m.name.text, [...(methods.get(m.name.text) ?? []), m]);
      for (const [name, decls] of methods) {
        checked++;
        const tagged = decls.some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "example"));
        if (!tagged) missing.push(`${source}: ${cls.name?.text}.${name}`);
      }
    }
  }
  return { checked, missing };
}

/** clientgen's own README and docs pages: their TypeScript examples use the seed packages in generated/. */
const projectPages = [
  "README.md",
  ...readdirSync(join(projectRoot, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
const projectBlocks: Block[] = process.env.CLIENTGEN_DOCS_ROOT
  ? []
  : projectPages.flatMap((page) =>
      codeBlocks(readFileSync(join(projectRoot, page), "utf8"))
        .filter((b) => b.language === "ts" || b.language === "typescript")
        .map((b): Block => {
          const dir = join(work, "(project)");
          mkdirSync(dir, { recursive: true });
          const file = join(dir, `${page.replace(/[/\\.]/g, "_")}_${b.line}.mts`);
          writeFileSync(file, b.code + "\n");
          return { provider: "(project)", where: `${page}:${b.line}`, code: b.code, file };
        }),
    );

/** `openai-client/builder` → generated/openai/src/builder.ts, for every entry of every package. */
function entryPaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const [provider, pkg] of packages) {
    for (const [key, entry] of Object.entries(pkg.exports)) {
      const source = join(generated, provider, entry.import.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
      paths[key === "." ? pkg.name : `${pkg.name}/${key.replace(/^\.\//, "")}`] = [source];
    }
  }
  return paths;
}

let errors = new Map<string, string[]>();

beforeAll(() => {
  errors = strictDiagnostics(
    [...blocks, ...jsdocBlocks, ...projectBlocks].map((b) => b.file),
    entryPaths(),
  );
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(providers)("generated/%s docs", (provider) => {
  const mine = blocks.filter((b) => b.provider === provider);
  const pkg = packages.get(provider)!;

  it("has a TypeScript example in the README and on every docs page", () => {
    // docs/CLI.md documents the command line: its examples are shell commands, checked by the CLI's own tests.
    const cliPage = `generated/${provider}/docs/CLI.md`;
    const pages = markdownFiles(provider)
      .map((f) => `generated/${provider}/${f}`)
      .filter((p) => p !== cliPage);
    const withBlocks = new Set(mine.map((b) => b.where.replace(/:\d+$/, "")));
    expect(pages.filter((p) => !withBlocks.has(p))).toEqual([]);
    expect(readFileSync(join(generated, provider, "docs", "CLI.md"), "utf8")).toMatch(/^```sh$/m);
    expect(pages.length).toBeGreaterThan(1);
  });

  it("every block imports what it uses from the package by its name", () => {
    const imports = (code: string) => [...code.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gm)].map((m) => m[1]!);
    const bad = mine.filter((b) => {
      const specs = imports(b.code);
      return specs.length === 0 || specs.some((s) => s !== pkg.name && !s.startsWith(`${pkg.name}/`));
    });
    expect(bad.map((b) => `${b.where}\n${b.code}`)).toEqual([]);
  });

  it("every block compiles under --strict as printed", () => {
    const failing = mine
      .filter((b) => errors.get(b.file)!.length > 0)
      .map((b) => `${b.where}\n${b.code}\n${errors.get(b.file)!.join("\n")}`);
    expect(failing).toEqual([]);
  });
});

describe.each(providers)("generated/%s JSDoc @example", (provider) => {
  const mine = jsdocBlocks.filter((b) => b.provider === provider);

  it("every flat method and builder method has one", () => {
    const { checked, missing } = methodsWithoutExample(provider);
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(1);
  });

  it("is the docs page's example, and every one compiles under --strict as printed", () => {
    const shown = new Set(blocks.map((b) => b.code));
    // A comment cannot hold `*/`: the generator writes `*\/`, the same inside a string literal.
    const unescaped = (code: string) => code.replace(/\*\\\//g, "*/");
    expect(mine.filter((b) => !shown.has(unescaped(b.code))).map((b) => `${b.where}\n${b.code}`)).toEqual([]);
    const failing = mine
      .filter((b) => errors.get(b.file)!.length > 0)
      .map((b) => `${b.where}\n${b.code}\n${errors.get(b.file)!.join("\n")}`);
    expect(failing).toEqual([]);
    expect(mine.length).toBeGreaterThan(1);
  });
});

// Only against generated/: with CLIENTGEN_DOCS_ROOT the project's pages are not collected.
describe.skipIf(!!process.env.CLIENTGEN_DOCS_ROOT)("clientgen's own README and docs pages", () => {
  it("have TypeScript examples, and every one compiles under --strict as printed against generated/", () => {
    expect(projectBlocks.filter((b) => b.where.startsWith("README.md:")).length).toBeGreaterThan(0);
    const failing = projectBlocks
      .filter((b) => errors.get(b.file)!.length > 0)
      .map((b) => `${b.where}\n${b.code}\n${errors.get(b.file)!.join("\n")}`);
    expect(failing).toEqual([]);
  });
});
