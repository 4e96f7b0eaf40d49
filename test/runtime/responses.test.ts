/** Response handling: parsing by kind, error classes and messages, envelopes, APIPromise helpers. */
import { describe, expect, it } from "vitest";
import {
  APIError,
  APIPromise,
  AuthenticationError,
  BadRequestError,
  ClientCore,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
  binaryResponse,
  envelope as makeEnvelope,
  textResponse,
  voidResponse,
} from "../../src/runtime/index.js";
import type { ClientSpec } from "../../src/runtime/types.js";
import { op, reply, sleep, spec, useTestServer, type Handler } from "./helpers.js";

const server = useTestServer();

const core = () => new ClientCore(spec(), { baseURL: server.url, maxRetries: 0 });

describe("successful responses", () => {
  it.each<[string, Handler, Partial<Parameters<typeof op>[0]>, unknown]>([
    ["json", (_q, res) => reply(res, 200, { a: 1 }), {}, { a: 1 }],
    [
      "json with empty body, when the operation declares an empty 2xx",
      (_q, res) => reply(res, 200, ""),
      { empty: true },
      undefined,
    ],
    ["205 with no body", (_q, res) => reply(res, 205), {}, undefined],
    ["204", (_q, res) => reply(res, 204), {}, undefined],
    ["void ignores a body", (_q, res) => reply(res, 200, { a: 1 }), { response: voidResponse }, undefined],
    [
      "text",
      (_q, res) => reply(res, 200, "hello", { "content-type": "text/plain" }),
      { response: textResponse },
      "hello",
    ],
    ["text with empty body", (_q, res) => reply(res, 200, ""), { response: textResponse }, undefined],
  ])("%s", async (_name, h, o, expected) => {
    server.handler = h;
    expect(await core().request(op(o), {}, undefined)).toEqual(expected);
  });

  it("binary gives the Response, body unread: arrayBuffer(), blob(), body", async () => {
    server.handler = (_q, res) => reply(res, 200, "\x00\x01bin", { "content-type": "application/octet-stream" });
    const read = async (how: (r: Response) => Promise<Uint8Array>) => {
      const r = await core().request<Response>(op({ response: binaryResponse }), {}, undefined);
      expect(r).toBeInstanceOf(Response);
      expect(r.bodyUsed).toBe(false);
      expect(r.headers.get("content-type")).toBe("application/octet-stream");
      expect(r.url).toBe(`${server.url}/things`);
      expect(await how(r)).toEqual(new Uint8Array([0, 1, 98, 105, 110]));
    };
    await read(async (r) => new Uint8Array(await r.arrayBuffer()));
    await read(async (r) => new Uint8Array(await (await r.blob()).arrayBuffer()));
    await read(async (r) => new Uint8Array(await new Response(r.body).arrayBuffer()));
  });

  it("withResponse gives data and the Response; asResponse the unread Response", async () => {
    server.handler = (_q, res) => reply(res, 200, { a: 1 }, { "x-custom": "yes" });
    const p = core().request<{ a: number }>(op(), {}, undefined);
    expect(p).toBeInstanceOf(APIPromise);
    expect(p).toBeInstanceOf(Promise);
    const { data, response } = await p.withResponse();
    expect(data).toEqual({ a: 1 });
    expect(response.headers.get("x-custom")).toBe("yes");
    expect(await p).toEqual({ a: 1 });

    const raw = await core().request(op(), {}, undefined).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ a: 1 });
  });

  it("whoever asks after the body arrived still gets it: the data, and a readable Response", async () => {
    server.handler = (_q, res) => reply(res, 200, { a: 1 });
    const p = core().request<{ a: number }>(op(), {}, undefined);
    await sleep(100);
    const raw = await p.asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await p).toEqual({ a: 1 });
    expect((await p.withResponse()).data).toEqual({ a: 1 });
    expect(await raw.json()).toEqual({ a: 1 });
  });

  it("asResponse first, then await: the data is read from the unread body", async () => {
    server.handler = (_q, res) => reply(res, 200, { a: 2 });
    const p = core().request<{ a: number }>(op(), {}, undefined);
    expect((await p.asResponse()).bodyUsed).toBe(false);
    expect(await p).toEqual({ a: 2 });
    expect(server.requests).toHaveLength(1);
  });

  it("then/catch/finally chain like a plain promise", async () => {
    server.handler = (_q, res) => reply(res, 200, { a: 1 });
    const chained = core()
      .request<{ a: number }>(op(), {}, undefined)
      .then((d) => d.a + 1);
    expect(chained).not.toBeInstanceOf(APIPromise);
    expect(await chained).toBe(2);
    let done = false;
    await core()
      .request(op(), {}, undefined)
      .finally(() => (done = true));
    expect(done).toBe(true);
    server.handler = (_q, res) => reply(res, 404, { message: "nope" });
    expect(
      await core()
        .request(op(), {}, undefined)
        .catch((e: APIError) => e.status),
    ).toBe(404);
  });

  it("asResponse still rejects for error statuses", async () => {
    server.handler = (_q, res) => reply(res, 404, { message: "nope" });
    await expect(core().request(op(), {}, undefined).asResponse()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("error responses", () => {
  it.each<[number, Function, string]>([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [422, UnprocessableEntityError, "UnprocessableEntityError"],
    [429, RateLimitError, "RateLimitError"],
    [500, InternalServerError, "InternalServerError"],
    [503, InternalServerError, "InternalServerError"],
    [418, APIError, "APIError"],
  ])("%i → %o", async (status, Cls, name) => {
    server.handler = (_q, res) =>
      reply(res, status, { error: { message: "went wrong", type: "x" } }, { "x-request-id": "req_123" });
    const err = (await core()
      .request(op(), {}, undefined)
      .catch((e) => e)) as APIError<{ error: { message: string } }>;
    expect(err).toBeInstanceOf(Cls);
    expect(err).toBeInstanceOf(APIError);
    expect(err).toBeInstanceOf(SDKError);
    expect(err.name).toBe(name);
    expect(err.status).toBe(status);
    expect(err.body?.error.message).toBe("went wrong");
    expect(err.requestID).toBe("req_123");
    expect(err.headers?.get("x-request-id")).toBe("req_123");
    expect(err.message).toMatch(new RegExp(`^${status} .*: went wrong$`));
  });

  it.each<[string, Handler, string]>([
    ["message field", (_q, res) => reply(res, 404, { message: "No such pet" }), "404 Not Found: No such pet"],
    ["error string", (_q, res) => reply(res, 400, { error: "bad_thing" }), "400 Bad Request: bad_thing"],
    [
      "problem+json",
      (_q, res) =>
        reply(res, 422, JSON.stringify({ type: "about:blank", title: "Unprocessable", detail: "name is required" }), {
          "content-type": "application/problem+json",
        }),
      "422 Unprocessable Entity: name is required",
    ],
    [
      "errors list",
      (_q, res) => reply(res, 403, { success: false, errors: [{ code: 10000, message: "Authentication error" }] }),
      "403 Forbidden: 10000: Authentication error",
    ],
    [
      "plain text",
      (_q, res) => reply(res, 502, "upstream down", { "content-type": "text/plain" }),
      "502 Bad Gateway: upstream down",
    ],
    ["no body", (_q, res) => reply(res, 500), "500 Internal Server Error"],
  ])("message from %s", async (_name, h, message) => {
    server.handler = h;
    const err = (await core()
      .request(op(), {}, undefined)
      .catch((e) => e)) as APIError;
    expect(err.message).toBe(message);
  });

  it("problem+json bodies are parsed", async () => {
    server.handler = (_q, res) =>
      reply(res, 400, JSON.stringify({ title: "Bad", status: 400 }), { "content-type": "application/problem+json" });
    const err = (await core()
      .request(op(), {}, undefined)
      .catch((e) => e)) as APIError;
    expect(err.body).toEqual({ title: "Bad", status: 400 });
  });

  it("requestID from the client's requestIdHeader (clientgen.yaml), the same header as results' _request_id", async () => {
    server.handler = (_q, res) => reply(res, 500, "x", { "cf-ray": "rid-9", "x-request-id": "other" });
    const ray = new ClientCore(spec({ requestIdHeader: "cf-ray" }), { baseURL: server.url, maxRetries: 0 });
    const err = (await ray.request(op(), {}, undefined).catch((e) => e)) as APIError;
    expect(err.requestID).toBe("rid-9");
    const plain = (await core()
      .request(op(), {}, undefined)
      .catch((e) => e)) as APIError;
    expect(plain.requestID).toBe("other");
  });
});

describe("envelope", () => {
  const envSpec: ClientSpec = spec({
    name: "Cloudflare",
    envelope: makeEnvelope({ result: "result", success: "success", errors: "errors" }),
  });
  const envCore = () => new ClientCore(envSpec, { baseURL: server.url, maxRetries: 0 });
  const envelope = { success: true, errors: [], messages: [], result: { id: "z1" } };

  it("returns the result field", async () => {
    server.handler = (_q, res) => reply(res, 200, envelope);
    expect(await envCore().request(op(), {}, undefined)).toEqual({ id: "z1" });
  });

  it("keeps the full envelope reachable through withResponse", async () => {
    server.handler = (_q, res) => reply(res, 200, envelope);
    const { data, response } = await envCore().request(op(), {}, undefined).withResponse();
    expect(data).toEqual({ id: "z1" });
    expect(await response.json()).toEqual(envelope);
  });

  it("throws APIError with the joined errors when success is false", async () => {
    server.handler = (_q, res) =>
      reply(res, 200, {
        success: false,
        errors: [
          { code: 1001, message: "Invalid zone" },
          { code: 1002, message: "Try again" },
        ],
        result: null,
      });
    const err = (await envCore()
      .request(op(), {}, undefined)
      .catch((e) => e)) as APIError;
    expect(err).toBeInstanceOf(APIError);
    expect(err.status).toBe(200);
    expect(err.message).toContain("1001: Invalid zone; 1002: Try again");
  });

  it.each<[string, Partial<Parameters<typeof op>[0]>, unknown, unknown]>([
    ["op.envelope false", { envelope: false }, envelope, envelope],
    ["body without result/success fields", {}, { id: "raw" }, { id: "raw" }],
    ["array body", {}, [1, 2], [1, 2]],
  ])("passes through: %s", async (_name, o, body, expected) => {
    server.handler = (_q, res) => reply(res, 200, body);
    expect(await envCore().request(op(o), {}, undefined)).toEqual(expected);
  });
});
