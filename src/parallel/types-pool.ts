import { Worker } from "node:worker_threads";
import type { FileSet } from "../emit/file-set.js";
import { TypesFailed } from "../emit/types-failed.js";
import type { TypesReply, TypesRequest } from "./types-worker.js";

/** A worker thread that turns specs into `src/types.ts`, one request at a time, in order. */
export interface TypesWorker {
  types(specPath: string, cwd: string): Promise<FileSet>;
  close(): Promise<void>;
}

/**
 * Worker threads do not inherit tsx's loader from the main thread, so the worker first registers
 * it, then imports the TypeScript entry.
 */
const bootstrap = (entry: string) =>
  `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;

export function startTypesWorker(): TypesWorker {
  const entry = new URL("./types-worker.ts", import.meta.url).href;
  const worker = new Worker(bootstrap(entry), { eval: true });
  const pending = new Map<number, { resolve: (f: FileSet) => void; reject: (e: Error) => void }>();
  let next = 0;
  let dead: Error | undefined;
  const failAll = (err: Error) => {
    dead ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on("message", (reply: TypesReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if ("failed" in reply) waiter?.reject(new TypesFailed(reply.failed));
    else if ("crashed" in reply) waiter?.reject(new Error(`types worker: ${reply.crashed}`));
    else waiter?.resolve(new Map(reply.files));
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`types worker exited (${code})`)));
  return {
    types(specPath, cwd) {
      const id = next++;
      const request: TypesRequest = { id, specPath, cwd };
      if (dead) return Promise.reject(dead);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
