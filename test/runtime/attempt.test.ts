/** One attempt: its timer and the caller's signal cover whatever `send` does, and its failures get the right class. */
import { describe, expect, it } from "vitest";
import { attempt } from "../../src/runtime/attempt.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  NotFoundError,
  SDKError,
} from "../../src/runtime/errors.js";
import { sleep } from "./helpers.js";

/** A body that never ends: rejects only when the attempt's signal aborts, as fetch's body does. */
const endless = (signal: AbortSignal) =>
  new Promise<never>((_, reject) =>
    signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
  );

describe("attempt", () => {
  it("a body that never ends is cut by the timeout", async () => {
    const err = await attempt(30, undefined, endless).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect((err as Error).message).toBe("Request timed out after 30ms.");
  });

  it("the caller's abort ends it at once, as APIUserAbortError", async () => {
    const ctl = new AbortController();
    const p = attempt(60_000, ctl.signal, endless);
    setTimeout(() => ctl.abort(), 10);
    await expect(p).rejects.toBeInstanceOf(APIUserAbortError);
    // An already aborted signal: nothing is started.
    let started = false;
    await expect(attempt(60_000, ctl.signal, async () => (started = true))).rejects.toBeInstanceOf(APIUserAbortError);
    expect(started).toBe(false);
  });

  it("a failure mid-body is a connection error carrying its cause; the client's own errors pass unchanged", async () => {
    const terminated = new TypeError("terminated");
    const err = await attempt(1000, undefined, async () => Promise.reject(terminated)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((err as Error).cause).toBe(terminated);
    const own = new NotFoundError("404", 404);
    await expect(attempt(1000, undefined, async () => Promise.reject(own))).rejects.toBe(own);
    const sdk = new SDKError("bad");
    await expect(attempt(1000, undefined, async () => Promise.reject(sdk))).rejects.toBe(sdk);
  });

  it("fetch's own redirect limit is an APIError, not a connection error (so never retried)", async () => {
    const loop = new TypeError("fetch failed", { cause: new Error("redirect count exceeded") });
    const err = await attempt(1000, undefined, async () => Promise.reject(loop)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err).not.toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toBe("Redirect not followed: redirect count exceeded");
  });

  it("once done, neither the timer nor the caller's signal touches the attempt's signal", async () => {
    const ctl = new AbortController();
    let inner: AbortSignal | undefined;
    expect(await attempt(20, ctl.signal, async (s) => ((inner = s), "ok"))).toBe("ok");
    await sleep(40);
    ctl.abort();
    expect(inner!.aborted).toBe(false);
  });
});
