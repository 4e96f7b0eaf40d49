/** Retries, backoff headers, idempotency keys, timeouts, aborts and connection failures. */
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  ClientCore,
  InternalServerError,
  idempotencyHeader as makeIdempotency,
  voidResponse,
} from "../../src/runtime/index.js";
import type { ClientOptions } from "../../src/runtime/types.js";
import { deadPort, failure, op, reply, spec, useTestServer, type Handler } from "./helpers.js";

const server = useTestServer();

/** Fails with `status` (and `headers`) for the first `failures` requests, then succeeds. */
const failThenOk =
  (failures: number, status: number, headers: Record<string, string> = { "retry-after-ms": "1" }): Handler =>
  (_q, res, n) =>
    n <= failures ? reply(res, status, { message: `fail ${n}` }, headers) : reply(res, 200, { ok: n });

const core = (options: ClientOptions = {}, idempotencyHeader?: string) =>
  new ClientCore(spec(idempotencyHeader ? { idempotency: makeIdempotency(idempotencyHeader) } : {}), {
    baseURL: server.url,
    logLevel: "off",
    ...options,
  });

describe("retry rules", () => {
  it.each([408, 409, 429, 500, 502, 503])("retries %i", async (status) => {
    server.handler = failThenOk(2, status);
    expect(await core().request(op(), {}, undefined)).toEqual({ ok: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 422])("does not retry %i", async (status) => {
    server.handler = failThenOk(1, status);
    await expect(core().request(op(), {}, undefined)).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(1);
  });

  it("makes maxRetries + 1 attempts, then throws the last error", async () => {
    server.handler = failThenOk(100, 503);
    const err = await failure(core({ maxRetries: 3 }).request(op(), {}, undefined));
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.message).toContain("fail 4");
    expect(server.requests).toHaveLength(4);
  });

  it("lets a per-request maxRetries override the client's", async () => {
    server.handler = failThenOk(100, 500);
    await expect(core({ maxRetries: 5 }).request(op(), {}, undefined, { maxRetries: 1 })).rejects.toThrow();
    expect(server.requests).toHaveLength(2);
  });

  it.each<[string, number, string, number]>([
    ["x-should-retry: false stops a 503", 503, "false", 1],
    ["x-should-retry: true retries a 400", 400, "true", 2],
  ])("%s", async (_name, status, value, attempts) => {
    server.handler = failThenOk(1, status, { "x-should-retry": value, "retry-after-ms": "1" });
    await core()
      .request(op(), {}, undefined)
      .catch(() => {});
    expect(server.requests).toHaveLength(attempts);
  });

  it("does not retry a 400 by default even with retry headers", async () => {
    server.handler = failThenOk(1, 400);
    await expect(core().request(op(), {}, undefined)).rejects.toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("retry delays", () => {
  const timed = async (headers: Record<string, string>) => {
    server.handler = failThenOk(1, 429, headers);
    const t0 = Date.now();
    await core().request(op(), {}, undefined);
    expect(server.requests).toHaveLength(2);
    return Date.now() - t0;
  };

  it("honours retry-after-ms", async () => {
    const ms = await timed({ "retry-after-ms": "120" });
    expect(ms).toBeGreaterThanOrEqual(110);
    expect(ms).toBeLessThan(400);
  });

  it("honours Retry-After in seconds", async () => {
    const ms = await timed({ "retry-after": "1" });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1400);
  });

  it("honours Retry-After as an HTTP date", async () => {
    // HTTP dates have second precision, so the wait is up to a second short of 2 s.
    const ms = await timed({ "retry-after": new Date(Date.now() + 2000).toUTCString() });
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(2400);
  });

  it("ignores Retry-After over 60 s and backs off (~0.5 s) instead", async () => {
    const ms = await timed({ "retry-after": "3600" });
    expect(ms).toBeGreaterThanOrEqual(350);
    expect(ms).toBeLessThan(900);
  });
});

describe("idempotency keys", () => {
  it("sends the same generated key on every retry of a POST", async () => {
    server.handler = failThenOk(2, 500);
    await core({}, "Idempotency-Key").request(op({ method: "post" }), {}, undefined);
    const keys = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^clientgen-retry-[\w-]+$/);
    expect(new Set(keys).size).toBe(1);
  });

  it("uses the caller's key, and a fresh key per call", async () => {
    server.handler = (_q, res) => reply(res, 200, {});
    const c = core({}, "Idempotency-Key");
    await c.request(op({ method: "post" }), {}, undefined, { idempotencyKey: "mine" });
    await c.request(op({ method: "patch" }), {}, undefined);
    await c.request(op({ method: "delete" }), {}, undefined);
    const [a, b, d] = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(a).toBe("mine");
    expect(b).not.toBe(d);
  });

  it.each(["get", "head", "options"] as const)("sends none on %s", async (method) => {
    server.handler = (_q, res) => reply(res, 200);
    await core({}, "Idempotency-Key").request(op({ method, response: voidResponse }), {}, undefined);
    expect(server.requests[0]!.headers["idempotency-key"]).toBeUndefined();
  });
});

describe("timeouts, aborts, connection errors", () => {
  const hang: Handler = () => new Promise(() => {});

  it("times out per attempt and throws APIConnectionTimeoutError after retries", async () => {
    server.handler = hang;
    const t0 = Date.now();
    const err = await failure(core({ timeout: 50, maxRetries: 1 }).request(op(), {}, undefined));
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err.name).toBe("APIConnectionTimeoutError");
    expect(err.status).toBeUndefined();
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("uses the per-request timeout over the client's", async () => {
    server.handler = hang;
    const err = await failure(core({ timeout: 60_000, maxRetries: 0 }).request(op(), {}, undefined, { timeout: 30 }));
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("recovers when a retry after a timeout succeeds", async () => {
    server.handler = (_q, res, n) => (n === 1 ? new Promise(() => {}) : reply(res, 200, { ok: n }));
    expect(await core({ timeout: 50 }).request(op(), {}, undefined)).toEqual({ ok: 2 });
  });

  it("rejects at once with APIUserAbortError on caller abort, without retrying", async () => {
    server.handler = hang;
    const ctl = new AbortController();
    const p = core({ maxRetries: 3 }).request(op(), {}, undefined, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 30);
    const err = await failure(p);
    expect(err).toBeInstanceOf(APIUserAbortError);
    expect(err.name).toBe("APIUserAbortError");
    expect(server.requests).toHaveLength(1);
  });

  it("rejects during a backoff sleep as soon as the caller aborts", async () => {
    server.handler = (_q, res) => reply(res, 503, {}, { "retry-after": "30" });
    const ctl = new AbortController();
    const t0 = Date.now();
    const p = core().request(op(), {}, undefined, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    await expect(p).rejects.toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects an already-aborted signal without sending", async () => {
    server.handler = (_q, res) => reply(res, 200, {});
    await expect(core().request(op(), {}, undefined, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("maps connection refused to APIConnectionError and retries it", async () => {
    const calls: string[] = [];
    const url = await deadPort();
    const c = new ClientCore(spec(), {
      baseURL: url,
      maxRetries: 1,
      fetch: (input, init) => (calls.push(String(input)), fetch(input, init)),
    });
    const err = await failure(c.request(op(), {}, undefined));
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(err.message).toBe("Connection error.");
    expect(err.cause).toBeDefined();
    expect(calls).toHaveLength(2);
  });
});
