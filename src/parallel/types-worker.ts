import { parentPort } from "node:worker_threads";
import { emitTypes } from "../emit/emit-types.js";
import { loadSpec } from "../load/load-spec.js";

export interface TypesRequest {
  id: number;
  specPath: string;
  cwd: string;
}

export type TypesReply = { id: number; files: [string, string][] } | { id: number; failed: string };

/**
 * Runs openapi-typescript on a second core while the main thread emits the clients. It reads the
 * spec itself: parsing again here costs less than copying the parsed document across threads.
 */
parentPort?.on("message", (request: TypesRequest) => {
  let reply: TypesReply;
  try {
    const { spec } = loadSpec(request.specPath, request.cwd);
    reply = spec
      ? { id: request.id, files: [...emitTypes({ data: spec.data, source: { file: spec.root.file, hash: spec.hash } })] }
      : { id: request.id, failed: "the spec could not be loaded" };
  } catch (err) {
    reply = { id: request.id, failed: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply);
});
