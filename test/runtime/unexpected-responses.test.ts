/**
 * What a server sends that the operation did not declare: 2xx bodies that are not JSON, bodies cut
 * short, redirect loops. Against a real server on 127.0.0.1, with a client without credentials.
 */
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  ClientCore,
  UnexpectedResponseError,
  textResponse,
} from "../../src/runtime/index.js";
import { failure, op, reply, spec, useTestServer, type Handler } from "./helpers.js";

const server = useTestServer();

const core = (maxRetries = 2) => new ClientCore(spec(), { baseURL: server.url, maxRetries, logLevel: "off" });

describe("a 2xx body that is not what a JSON operation declares", () => {
  it.each<[string, Handler, string, string | undefined]>([
    [
      "HTML",
      (_q, res) => reply(res, 200, "<html>Log in</html>", { "content-type": "text/html" }),
      "testOp: 200 response is not JSON (text/html): <html>Log in</html>",
      "text/html",
    ],
    [
      "JSON cut short",
      (_q, res) => reply(res, 201, '{"a": [1,', { "content-type": "application/json" }),
      'testOp: 201 response is not JSON (application/json): {"a": [1,',
      "application/json",
    ],
    [
      "an empty 200",
      (_q, res) => reply(res, 200),
      "testOp: 200 response is not JSON (no content-type): empty body",
      undefined,
    ],
  ])("%s → UnexpectedResponseError, sent once", async (_name, h, message, contentType) => {
    server.handler = h;
    const err = await failure<UnexpectedResponseError>(core().request(op(), {}, undefined));
    expect(err).toBeInstanceOf(UnexpectedResponseError);
    expect(err).toBeInstanceOf(APIError);
    expect([err.name, err.message, err.operation, err.contentType]).toEqual([
      "UnexpectedResponseError",
      message,
      "testOp",
      contentType,
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps only the first 200 characters of the body", async () => {
    server.handler = (_q, res) => reply(res, 200, "x".repeat(5000), { "content-type": "text/plain" });
    const err = await failure<UnexpectedResponseError>(core().request(op(), {}, undefined));
    expect(err.body).toBe("x".repeat(200));
  });

  it("an empty 204, 205, or 2xx the operation declares empty, is undefined; a text operation's empty body is text", async () => {
    for (const [status, o] of [
      [204, {}],
      [205, {}],
      [200, { empty: true }],
      [202, { empty: true }],
    ] as const) {
      server.handler = (_q, res) => reply(res, status);
      expect(await core().request(op(o), {}, undefined)).toBeUndefined();
    }
    server.handler = (_q, res) => reply(res, 200, "");
    expect(await core().request(op({ response: textResponse }), {}, undefined)).toBeUndefined();
  });
});

describe("bodies cut short", () => {
  it("a connection reset mid-body is retried like any connection error", async () => {
    server.handler = (_q, res, n) => {
      if (n > 1) return reply(res, 200, { a: 1 });
      res.writeHead(200, { "content-type": "application/json", "content-length": "100", "retry-after-ms": "1" });
      res.write('{"a":');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    expect(await core().request(op(), {}, undefined)).toEqual({ a: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it("an error body cut short is a connection error too, retried", async () => {
    server.handler = (_q, res) => {
      res.writeHead(404, { "content-type": "application/json", "content-length": "100", "retry-after-ms": "1" });
      res.write('{"message":');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    await expect(core(1).request(op(), {}, undefined)).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(2);
  });
});

describe("redirects, for a client without credentials (fetch follows them)", () => {
  it("a loop fails once: fetch's 20 redirects, not retried", async () => {
    server.handler = (_q, res) => void res.writeHead(302, { location: "/things" }).end();
    const err = await failure(core().request(op(), {}, undefined));
    expect(err).toBeInstanceOf(APIError);
    expect(err).not.toBeInstanceOf(APIConnectionError);
    expect(err.message).toMatch(/^Redirect not followed: /);
    expect(server.requests).toHaveLength(21);
  });

  it("a same-origin redirect is followed", async () => {
    server.handler = (q, res) =>
      q.path === "/things" ? void res.writeHead(301, { location: "/moved" }).end() : reply(res, 200, { at: q.path });
    expect(await core().request(op(), {}, undefined)).toEqual({ at: "/moved" });
  });
});
