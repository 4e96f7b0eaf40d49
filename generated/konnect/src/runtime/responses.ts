/**
 * Readers of non-JSON success responses (JSON is built into the core). Operations name theirs in
 * their OperationSpec (`response: textResponse`), so only bundles that need them carry them.
 */
import type { ResponseReader } from "./types.js";

export const textResponse: ResponseReader = { read: async (r) => (await r.text()) || undefined };

export const binaryResponse: ResponseReader = { read: (r) => r.blob() };

/** Nothing to read (the body is released); `accept` still asks for JSON, the format of error bodies. */
export const voidResponse: ResponseReader = {
  accept: "application/json",
  read: async (r) => void r.body?.cancel().catch(() => {}),
};
