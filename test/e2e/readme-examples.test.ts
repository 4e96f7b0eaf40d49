import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientSpec as cloudflareSpec } from "../../generated/cloudflare/src/index.js";
import { clientSpec as konnectSpec } from "../../generated/konnect/src/index.js";
import { clientSpec as openaiSpec } from "../../generated/openai/src/index.js";
import { clientSpec as trieveSpec } from "../../generated/trieve/src/index.js";
import {
  CLOUDFLARE_API_KEY,
  CLOUDFLARE_API_TOKEN,
  CLOUDFLARE_EMAIL,
  startCloudflareServer,
} from "../fakes/cloudflare-server.js";
import type { FakeServer } from "../fakes/fake-server.js";
import { KONNECT_PAT, KONNECT_SPAT, startKonnectServer } from "../fakes/konnect-server.js";
import { OPENAI_ADMIN_KEY, startOpenAIServer } from "../fakes/openai-server.js";
import { TRIEVE_API_KEY, TRIEVE_ORGANIZATION, startTrieveServer } from "../fakes/trieve-server.js";
import { projectRoot } from "../helpers/generate.js";
import { codeBlocks } from "../helpers/markdown-blocks.js";
import { strictDiagnostics } from "../helpers/strict-check.js";

/**
 * The code in each generated README runs for real: every ```ts block under "## Usage" (and the
 * error handling one under "## Errors" and the standalone one under "## Tree-shaking") is written to a file with its package import pointed at
 * generated/<provider>/src, type-checked under --strict, and run by tsx in a fresh process against
 * a fake of the API. The example is left as printed: credentials come from the environment variables
 * the README names, and `fetch` is redirected from the real server to the fake (test/fakes/run-example.ts).
 */

/** README sections whose ```ts blocks are whole programs. */
const SECTIONS = ["Usage", "Errors", "Tree-shaking"];

interface Provider {
  /** Environment variables the README tells users to set, with values the fake accepts. */
  env: Record<string, string>;
  /** A fake with some state for list examples to show; an example that prints must print each of `shows`. */
  start(): Promise<{ server: FakeServer; shows: string[] }>;
  /** The client's default base URL, which the example's requests are routed from to the fake. */
  baseURL: string | undefined;
}

const providers: Record<string, Provider> = {
  openai: {
    env: { OPENAI_ADMIN_KEY },
    baseURL: openaiSpec.baseURL,
    start: async () => {
      const server = await startOpenAIServer();
      const invites = ["ann", "bob", "cat"].map((n) => server.addInvite(`${n}@example.com`));
      return { server, shows: invites.map((i) => i.id) };
    },
  },
  cloudflare: {
    env: { CLOUDFLARE_API_TOKEN, CLOUDFLARE_EMAIL, CLOUDFLARE_API_KEY },
    baseURL: cloudflareSpec.baseURL,
    start: async () => {
      const server = await startCloudflareServer();
      const invites = [server.addInvite(), server.addInvite()];
      return { server, shows: invites.map((i) => i.id) };
    },
  },
  konnect: {
    env: { KONNECT_TOKEN: KONNECT_PAT, KONNECT_SYSTEM_ACCOUNT_ACCESS_TOKEN: KONNECT_SPAT },
    baseURL: konnectSpec.baseURL,
    start: async () => ({ server: await startKonnectServer(), shows: [] }),
  },
  trieve: {
    env: { TRIEVE_API_KEY, TRIEVE_ORGANIZATION },
    baseURL: trieveSpec.baseURL,
    start: async () => ({ server: await startTrieveServer(), shows: [] }),
  },
};

interface Example {
  provider: string;
  /** `Usage › Flat methods` */
  title: string;
  code: string;
  file: string;
  /** Why the example could not even be written out (an import that names no package entry). */
  problem?: string;
}

interface Outcome {
  typeErrors: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  requests: number;
  shows: string[];
}

/** The ```ts blocks under the given `## ` sections, titled by their section and `### ` heading. */
function extractExamples(markdown: string): Array<{ title: string; code: string }> {
  return codeBlocks(markdown)
    .filter((b) => (b.language === "ts" || b.language === "typescript") && SECTIONS.includes(b.section))
    .map((b) => ({ title: [b.section, b.sub].filter(Boolean).join(" › "), code: b.code }));
}

/** Points `from "pkg"` / `from "pkg/sub"` at the source file behind the package's `exports` entry. */
function rewriteImports(code: string, packageDir: string): string {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, { import: string }>;
  };
  return code.replace(/(from\s+|import\s+)(["'])([^"']+)\2/g, (whole, kw: string, q: string, spec: string) => {
    if (spec.startsWith("node:")) return whole;
    const sub =
      spec === pkg.name ? "." : spec.startsWith(pkg.name + "/") ? "." + spec.slice(pkg.name.length) : undefined;
    if (!sub) throw new Error(`README example imports ${spec}, which is neither node: nor ${pkg.name}`);
    const entry = pkg.exports[sub];
    if (!entry) throw new Error(`README example imports ${spec}, but package.json has no exports["${sub}"]`);
    // dist/x.js is built from src/x.ts; NodeNext resolution and tsx both map the .js specifier to it.
    return `${kw}${q}${join(packageDir, entry.import.replace(/^\.\/dist\//, "src/"))}${q}`;
  });
}

/** `fn` over `items`, at most `width` at a time, results in order. */
async function inPool<T, R>(items: T[], fn: (item: T) => Promise<R>, width: number): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

const exec = (file: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
    execFile(file, args, { cwd: projectRoot, env, timeout: 60_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ exitCode: code, stdout, stderr });
    });
  });

/** Runs one example in its own process against a fresh fake of its API. */
async function run(example: Example): Promise<Omit<Outcome, "typeErrors">> {
  const p = providers[example.provider]!;
  const { server, shows } = await p.start();
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FAKE_ROUTES: JSON.stringify(p.baseURL ? [[p.baseURL.replace(/\/+$/, ""), server.baseURL]] : []),
    };
    // Only the variables the README names, so nothing from the machine running the tests leaks in.
    for (const name of Object.keys(env)) if (/^(OPENAI|CLOUDFLARE|KONNECT|TRIEVE)_/.test(name)) delete env[name];
    Object.assign(env, p.env);
    // `node --import tsx` is what `tsx file` runs, minus the extra watcher process.
    const result = await exec(
      process.execPath,
      ["--import", "tsx", join(projectRoot, "test", "fakes", "run-example.ts"), example.file],
      env,
    );
    return { ...result, requests: server.requests.length, shows };
  } finally {
    await server.close();
  }
}

const work = mkdtempSync(join(tmpdir(), "clientgen-readme-"));
const examples: Example[] = Object.keys(providers).flatMap((provider) => {
  const dir = join(projectRoot, "generated", provider);
  const readme = join(dir, "README.md");
  if (!existsSync(readme)) return [];
  return extractExamples(readFileSync(readme, "utf8")).map(({ title, code }, i): Example => {
    const file = join(work, `${provider}-${i}.mts`);
    try {
      writeFileSync(file, rewriteImports(code, dir) + "\n");
      return { provider, title, code, file };
    } catch (e) {
      return { provider, title, code, file, problem: (e as Error).message };
    }
  });
});
const outcomes = new Map<Example, Outcome>();

beforeAll(async () => {
  const runnable = examples.filter((e) => !e.problem);
  const typeErrors = strictDiagnostics(runnable.map((e) => e.file));
  const runs = await inPool(runnable, run, 3);
  runnable.forEach((e, i) => outcomes.set(e, { typeErrors: typeErrors.get(e.file) ?? [], ...runs[i]! }));
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("README examples", () => {
  it("every provider's README has a flat-methods example under ## Usage", () => {
    for (const provider of Object.keys(providers)) {
      expect(examples.filter((e) => e.provider === provider).map((e) => e.title)).toContain("Usage › Flat methods");
    }
  });

  describe.each(Object.keys(providers))("%s", (provider) => {
    const mine = examples.filter((e) => e.provider === provider);
    it.each(mine.map((e) => [e.title, e] as const))("%s type-checks and runs against the fake", (title, example) => {
      const where = `generated/${provider}/README.md, ${title}:\n${example.code}\n`;
      expect(example.problem, where).toBeUndefined();
      const o = outcomes.get(example)!;
      // One comparison, so a failure shows the type errors and the run together.
      // Usage examples print what they list; the error example prints only when the call fails.
      const missing =
        title.startsWith("Usage") && example.code.includes("console.log")
          ? o.shows.filter((id) => !o.stdout.includes(id))
          : [];
      expect(
        {
          typeErrors: o.typeErrors,
          exitCode: o.exitCode,
          stderr: o.stderr.trim(),
          reachedFake: o.requests > 0,
          notPrinted: missing,
        },
        where,
      ).toEqual({ typeErrors: [], exitCode: 0, stderr: "", reachedFake: true, notPrinted: [] });
    });
  });
});
