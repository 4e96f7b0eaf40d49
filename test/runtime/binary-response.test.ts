/**
 * binaryResponse hands out the Response unread; past the headers its body obeys the idle timeout and
 * the request's signal, and nothing is retried.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  ClientCore,
  binaryResponse,
} from "../../src/runtime/index.js";
import type { ClientOptions, RequestOptions } from "../../src/runtime/types.js";
import { failure, op, reply, sleep, spec, useTestServer } from "./helpers.js";

const server = useTestServer();
const get = (options: ClientOptions = {}, req?: RequestOptions) =>
  new ClientCore(spec(), { baseURL: server.url, logLevel: "off", maxRetries: 2, ...options }).request<Response>(
    op({ response: binaryResponse }),
    {},
    undefined,
    req,
  );

/** Headers and `first`, then `next()` every `ms` (none when absent); `closed` resolves when the client hangs up. */
function bytes(first: Buffer, next?: () => Buffer, ms = 10) {
  let hungUp!: () => void;
  const closed = new Promise<void>((r) => (hungUp = r));
  const handler = (_q: unknown, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "audio/mpeg" });
    res.write(first);
    const timer = next && setInterval(() => res.write(next()), ms);
    res.on("close", () => {
      clearInterval(timer);
      if (!res.writableEnded) hungUp();
    });
  };
  return { handler, closed };
}

describe("binaryResponse", () => {
  it("resolves at the headers, before the body has arrived", async () => {
    server.handler = bytes(Buffer.from("ID3")).handler;
    const r = await get({ timeout: 5000 });
    const reader = r.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("ID3");
    await reader.cancel();
  });

  it("a body that stops for longer than the timeout fails with APIConnectionTimeoutError, not retried, and closes", async () => {
    const s = bytes(Buffer.from("ID3"));
    server.handler = s.handler;
    const r = await get({ timeout: 200 });
    const err = await failure(r.arrayBuffer());
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(1);
    expect(await Promise.race([s.closed.then(() => "closed"), sleep(1000)])).toBe("closed");
  });

  it("a long body that keeps coming is not timed out", async () => {
    let sent = 0;
    server.handler = (_q, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const timer = setInterval(() => {
        res.write(Buffer.alloc(1000, sent % 256));
        if (++sent === 16) {
          clearInterval(timer);
          res.end();
        }
      }, 50);
    };
    // The whole body takes twice the timeout; each gap is an eighth of it, so a loaded machine has room.
    const r = await get({ timeout: 400 });
    expect((await r.arrayBuffer()).byteLength).toBe(16_000);
  });

  it("the request's signal aborts the body: APIUserAbortError, and the connection closes", async () => {
    const s = bytes(Buffer.from("ID3"), () => Buffer.from("x"), 20);
    server.handler = s.handler;
    const ctl = new AbortController();
    const r = await get({}, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 60);
    expect(await failure(r.blob())).toBeInstanceOf(APIUserAbortError);
    expect(await Promise.race([s.closed.then(() => "closed"), sleep(1000)])).toBe("closed");
  });

  it("a connection reset mid-body is an APIConnectionError", async () => {
    server.handler = (_q, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": "1000" });
      res.write("abc");
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const err = await failure((await get()).arrayBuffer());
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("cancelling the body closes the connection", async () => {
    const s = bytes(Buffer.alloc(10), () => Buffer.alloc(10));
    server.handler = s.handler;
    await (await get()).body!.cancel();
    expect(await Promise.race([s.closed.then(() => "closed"), sleep(1000)])).toBe("closed");
  });

  it("withResponse gives the same unread Response as data; an empty 204 is a Response too", async () => {
    server.handler = (_q, res) => reply(res, 200, "bytes", { "content-type": "image/png" });
    const { data, response } = await get().withResponse();
    expect(response.status).toBe(200);
    expect(await data.text()).toBe("bytes");
    server.handler = (_q, res) => reply(res, 204);
    const empty = await get();
    expect(empty.status).toBe(204);
    expect(await empty.arrayBuffer()).toEqual(new ArrayBuffer(0));
  });
});
