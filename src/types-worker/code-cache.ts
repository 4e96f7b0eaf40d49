import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join, sep } from "node:path";
import * as vm from "node:vm";

/** A CommonJS module loaded through V8's code cache. */
export interface CodeCachedModule {
  exports: unknown;
  /** The cache held code V8 accepted (nothing to save). */
  fromCache: boolean;
  /**
   * Stores V8's code for the module, with every function compiled by now, for the next process.
   * Called once the module has done its work, so that functions compiled lazily are in it too.
   * Does nothing when the cache already served this load, or after the first call; never throws.
   */
  save(): void;
}

const WRAPPER = ["(function (exports, require, module, __filename, __dirname) { ", "\n});"] as const;

/**
 * Where the code caches of modules under `file`'s node_modules live: `node_modules/.cache/clientgen`,
 * where babel, eslint and webpack's loaders keep theirs (a reinstall clears it). Undefined when the
 * file is not in a node_modules folder or when `NODE_DISABLE_COMPILE_CACHE` is set, Node's own switch.
 */
export function codeCacheDir(file: string): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  return at < 0 ? undefined : join(file.slice(0, at), "node_modules", ".cache", "clientgen");
}

/**
 * Runs the CommonJS module `file` as `require` would, compiled from V8's code cache in `cacheDir`
 * when one for this very text exists, and puts it in `require.cache` so that later `require`s of it
 * get it. Node 22 has `module.enableCompileCache()`; on Node 20, compiling the TypeScript compiler's
 * 9 MB typescript.js is most of the types worker's start-up.
 *
 * The cache file is named by a hash of the module's text, the V8 version and the architecture: V8
 * itself only checks the text's length, so a same-length edit would otherwise run stale code. Data
 * V8 rejects (other flags, a damaged file) is compiled afresh. A cache folder that cannot be read
 * or written only costs the time the cache would have saved.
 */
export function loadWithCodeCache(file: string, cacheDir: string | undefined): CodeCachedModule {
  const cache = createRequire(file).cache;
  const loaded = cache[file];
  if (loaded) return { exports: loaded.exports, fromCache: false, save: () => {} };
  const bytes = readFileSync(file);
  const key = createHash("sha256")
    .update(bytes)
    .update(`\0${process.versions.v8}\0${process.arch}`)
    .digest("hex")
    .slice(0, 32);
  const cacheFile = cacheDir && join(cacheDir, `${basename(file)}-${key}.bin`);
  const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
  const text = bytes.toString("utf8");
  // As require reads it: without a byte-order mark. import() inside it goes to Node's loader where
  // Node has the option (20.12+); TypeScript's compiler has no import() of its own.
  const importer = (vm as Partial<typeof vm>).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(WRAPPER[0] + (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) + WRAPPER[1], {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    ...(importer ? { importModuleDynamically: importer } : {}),
  });
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  // In the cache while it runs, as require does (a cycle back to it gets the exports so far).
  cache[file] = module;
  try {
    const wrapped = script.runInThisContext() as (...args: unknown[]) => void;
    wrapped.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch (err) {
    delete cache[file];
    throw err;
  }
  module.loaded = true;
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  let saved = fromCache;
  return {
    exports: module.exports,
    fromCache,
    save: () => {
      if (cacheFile && !saved) writeCache(cacheFile, script);
      saved = true;
    },
  };
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Atomically (a whole file or none), replacing the caches of other versions of the same module. */
function writeCache(cacheFile: string, script: vm.Script): void {
  const dir = dirname(cacheFile);
  const name = basename(cacheFile);
  const stem = name.slice(0, name.lastIndexOf("-") + 1);
  const partial = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
    for (const other of readdirSync(dir))
      if (other.startsWith(stem) && other !== name && !other.endsWith(".partial"))
        rmSync(join(dir, other), { force: true });
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // The folder could not be made: there is no partial file.
    }
  }
}

/**
 * Loads the CommonJS module `file` ahead of whoever requires it, compiled through a code cache:
 * Node's own where it has one (22+), else ours. Returns what stores the cache once the module has
 * done its work.
 */
export function preloadWithCodeCache(file: string): () => void {
  const nodeCache = (Module as unknown as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (nodeCache) {
    nodeCache();
    createRequire(file)(file);
    return () => {};
  }
  return loadWithCodeCache(file, codeCacheDir(file)).save;
}
