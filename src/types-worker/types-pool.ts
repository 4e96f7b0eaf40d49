import { Worker } from "node:worker_threads";
import type { FileSet } from "../emit/file-set.js";
import { TypesFailed } from "../emit/code/types-failed.js";
import type { TypesReply, TypesRequest } from "./types-worker.js";

/** A worker thread that turns specs into `src/types.ts`, one request at a time, in order. */
export interface TypesWorker {
  types(specPath: string, cwd: string, label: string): Promise<FileSet>;
  close(): Promise<void>;
}

/**
 * Built (dist/), the worker is plain JavaScript. Run from src/ under tsx, worker threads do not
 * inherit tsx's loader from the main thread, so the worker first registers it, then imports the
 * TypeScript entry.
 */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./types-worker.js", import.meta.url));
  const entry = JSON.stringify(new URL("./types-worker.ts", import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`, { eval: true });
}

export function startTypesWorker(): TypesWorker {
  const worker = spawnWorker();
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
    types(specPath, cwd, label) {
      const id = next++;
      const request: TypesRequest = { id, specPath, cwd, label };
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
