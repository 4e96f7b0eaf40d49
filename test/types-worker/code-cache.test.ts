import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeCacheDir, loadWithCodeCache } from "../../src/types-worker/code-cache.js";

/**
 * The code cache must never run code other than the module's current text, and must never fail a
 * run: stale, damaged or unwritable caches only cost time. Loads that should come from the cache
 * run in a new worker thread each, as a new process would: within one V8 isolate, V8 reuses code it
 * compiled for the same text and never looks at the cache data.
 */
const work = mkdtempSync(join(tmpdir(), "clientgen-code-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let dir: string;
let file: string;
let cacheDir: string;
let round = 0;
beforeEach(() => {
  dir = join(work, `case-${round++}`);
  file = join(dir, "node_modules", "compiler", "index.js");
  cacheDir = join(dir, "node_modules", ".cache", "clientgen");
  mkdirSync(join(dir, "node_modules", "compiler"), { recursive: true });
});
afterEach(() => forget());

/** The module as a fresh process would see it: not yet in require's cache. */
function forget(): void {
  delete createRequire(file).cache[file];
}

function writeModule(value: number): void {
  // Each load counts itself, so a test can tell a fresh run from require's cache.
  writeFileSync(
    file,
    `globalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;\nexports.value = ${value};\nexports.twice = (n) => n * 2 + ${value} - ${value};\n`,
  );
}

interface Load {
  value: number;
  fromCache: boolean;
}

/** loadWithCodeCache in a fresh isolate, then `save()`. */
async function loadElsewhere(): Promise<Load> {
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const entry = JSON.stringify(new URL("../../src/types-worker/code-cache.ts", import.meta.url).href);
  const code = `const { parentPort, workerData } = require("node:worker_threads");
    import(${api}).then(({ register }) => { register(); return import(${entry}); }).then(({ loadWithCodeCache }) => {
      const loaded = loadWithCodeCache(workerData.file, workerData.cacheDir);
      loaded.save();
      parentPort.postMessage({ value: loaded.exports.value, fromCache: loaded.fromCache });
    });`;
  const worker = new Worker(code, { eval: true, workerData: { file, cacheDir } });
  try {
    return await new Promise<Load>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  } finally {
    await worker.terminate();
  }
}

const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith(".bin"));

describe("loadWithCodeCache", () => {
  it("runs the module, and the next process runs it from the cache it saved", async () => {
    writeModule(1);
    expect(await loadElsewhere()).toEqual({ value: 1, fromCache: false });
    expect(cacheFiles()).toHaveLength(1);
    expect(await loadElsewhere()).toEqual({ value: 1, fromCache: true });
  }, 30_000);

  it("never runs the cached code of an earlier text, even one of the same length", async () => {
    writeModule(1);
    await loadElsewhere();
    writeModule(7);
    expect(await loadElsewhere()).toEqual({ value: 7, fromCache: false });
    // The earlier text's cache is gone: one file per module.
    expect(cacheFiles()).toHaveLength(1);
    expect(await loadElsewhere()).toEqual({ value: 7, fromCache: true });
  }, 30_000);

  it("compiles afresh from damaged cache data, and saves good data over it", async () => {
    writeModule(2);
    await loadElsewhere();
    const [name] = cacheFiles();
    writeFileSync(join(cacheDir, name!), Buffer.alloc(4096, 7));
    expect(await loadElsewhere()).toEqual({ value: 2, fromCache: false });
    expect(await loadElsewhere()).toEqual({ value: 2, fromCache: true });
  }, 30_000);

  it("works without a cache when its folder cannot be made", () => {
    writeModule(3);
    const blocked = join(dir, "a-file");
    writeFileSync(blocked, "");
    const loaded = loadWithCodeCache(file, join(blocked, "cache"));
    expect((loaded.exports as { value: number }).value).toBe(3);
    expect(() => loaded.save()).not.toThrow();
    expect(readdirSync(dir).sort()).toEqual(["a-file", "node_modules"]);
  });

  it("saves once: a worker that makes types for several providers writes the cache after the first", () => {
    writeModule(5);
    const loaded = loadWithCodeCache(file, cacheDir);
    loaded.save();
    expect(cacheFiles()).toHaveLength(1);
    rmSync(cacheDir, { recursive: true });
    loaded.save();
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("is what require then returns, run once", () => {
    writeModule(4);
    const before = (globalThis as { __codeCacheRuns?: number }).__codeCacheRuns ?? 0;
    const loaded = loadWithCodeCache(file, cacheDir);
    expect((loaded.exports as { twice(n: number): number }).twice(4)).toBe(8);
    expect(createRequire(file)(file)).toBe(loaded.exports);
    expect(loadWithCodeCache(file, cacheDir).exports).toBe(loaded.exports);
    expect((globalThis as { __codeCacheRuns?: number }).__codeCacheRuns).toBe(before + 1);
  });
});

describe("codeCacheDir", () => {
  it("is node_modules/.cache/clientgen beside the module's node_modules", () => {
    expect(codeCacheDir(join("/p", "node_modules", "typescript", "lib", "typescript.js"))).toBe(
      join("/p", "node_modules", ".cache", "clientgen"),
    );
    expect(codeCacheDir(join("/p", "node_modules", "a", "node_modules", "typescript", "lib", "typescript.js"))).toBe(
      join("/p", "node_modules", "a", "node_modules", ".cache", "clientgen"),
    );
    expect(codeCacheDir(join("/p", "lib", "typescript.js"))).toBeUndefined();
  });

  it("is off with NODE_DISABLE_COMPILE_CACHE, Node's own switch", () => {
    process.env.NODE_DISABLE_COMPILE_CACHE = "1";
    try {
      expect(codeCacheDir(join("/p", "node_modules", "typescript", "lib", "typescript.js"))).toBeUndefined();
    } finally {
      delete process.env.NODE_DISABLE_COMPILE_CACHE;
    }
  });
});
