import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";
import { TypesFailed } from "../emit/code/types-failed.js";
import { loadSpec } from "../load/load-spec.js";
import { isSwagger2, upgradeSwagger2 } from "../load/upgrade-swagger.js";
import { preloadWithCodeCache } from "./code-cache.js";

export interface TypesRequest {
  id: number;
  specPath: string;
  cwd: string;
  /** How the banner names the spec (see specLabel). */
  label: string;
}

/** `failed`: openapi-typescript rejected the document (an input error); `crashed`: anything else (a bug). */
export type TypesReply =
  | { id: number; files: [string, string][] }
  | { id: number; failed: string }
  | { id: number; crashed: string };

/**
 * The TypeScript compiler openapi-typescript's modules require, loaded first through a code cache
 * (code-cache.ts): compiling its 9 MB source is most of the time emit-types.ts takes to load.
 * `saveCodeCache` stores the compiled code once types have been made, for the next run.
 */
const fromOpenapiTypescript = createRequire(
  createRequire(import.meta.url).resolve("openapi-typescript/dist/lib/ts.cjs"),
);
const saveCodeCache = preloadWithCodeCache(fromOpenapiTypescript.resolve("typescript"));
const { emitTypes } = await import("../emit/code/emit-types.js");

/**
 * Runs openapi-typescript on a second core while the main thread emits the clients. It reads the
 * spec itself: parsing again here costs less than copying the parsed document across threads.
 */
parentPort?.on("message", async (request: TypesRequest) => {
  let reply: TypesReply;
  try {
    const { spec: read } = loadSpec(request.specPath, request.cwd);
    // The main thread validates; a document it refuses is never looked at, so a conversion error here is moot.
    const spec = read && isSwagger2(read.data) ? (await upgradeSwagger2(read)).spec : read;
    reply = spec
      ? {
          id: request.id,
          files: [...emitTypes({ data: spec.data, source: { file: request.label, hash: spec.hash } })],
        }
      : { id: request.id, failed: "the spec could not be loaded" };
  } catch (err) {
    reply =
      err instanceof TypesFailed
        ? { id: request.id, failed: err.reason }
        : { id: request.id, crashed: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // With the compiler's code as this run compiled it. Before the reply, as the main thread ends the
  // worker once it has what it needs (a small spec's run would never get to save); a cache that
  // already served this run is not written again, so only the first run pays (about 30 ms).
  saveCodeCache();
  parentPort?.postMessage(reply);
});
