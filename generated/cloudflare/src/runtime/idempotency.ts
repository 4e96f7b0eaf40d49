/**
 * Idempotency keys, for clients configured with `idempotencyHeader` (clientgen.yaml): generated as
 * `idempotency: idempotencyHeader("Idempotency-Key")`, so other clients don't bundle it.
 */
import type { Idempotency } from "./types.js";

/** Non-GET requests get the caller's key or a fresh one; it is built once per call, so every retry resends it. */
export const idempotencyHeader =
  (name: string): Idempotency =>
  ({ op, options, header }) => {
    if (!/^(get|head|options)$/.test(op.method))
      header[name] =
        options.idempotencyKey ??
        `clientgen-retry-${globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2)}`;
  };
