/** Test helpers: a recording node:http server on 127.0.0.1 and small spec builders. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { collectParams } from "../../src/runtime/collect-params.js";
import type { APIError } from "../../src/runtime/errors.js";
import type { ClientSpec, OperationSpec } from "../../src/runtime/types.js";

export interface Received {
  method: string;
  /** Raw request target as sent on the wire, e.g. `/files/..%2Fadmin?x=1`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** `n` is the 1-based number of this request on the server. */
export type Handler = (req: Received, res: ServerResponse, n: number) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler = (_req, res) => reply(res, 200, { ok: true })): Promise<TestServer> {
  const requests: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://localhost");
    const r: Received = {
      method: req.method ?? "",
      url: req.url ?? "",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      text: body.toString("utf8"),
    };
    requests.push(r);
    try {
      await handler(r, res, requests.length);
    } catch (e) {
      if (!res.headersSent) reply(res, 599, { message: String(e) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a response; objects are sent as JSON unless a content-type says otherwise. */
export function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const isText = typeof body === "string" || body === undefined;
  const payload = body === undefined ? "" : isText ? (body as string) : JSON.stringify(body);
  res.writeHead(status, { ...(isText ? {} : { "content-type": "application/json" }), ...headers });
  res.end(payload);
}

/** A port nothing listens on (a server is bound and closed again). */
export async function deadPort(): Promise<string> {
  const s = await startServer();
  await s.close();
  return s.url;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function spec(overrides: Partial<ClientSpec> = {}): ClientSpec {
  return {
    name: "Acme",
    baseURL: "https://api.acme.test/v1",
    ...overrides,
  };
}

/** An operation; like the generator, it names `collectParams` when it has query, header or cookie parameters. */
export function op(overrides: Partial<OperationSpec> = {}): OperationSpec {
  const o: OperationSpec = { id: "testOp", method: "get", path: "/things", ...overrides };
  return o.query || o.headers || o.cookies ? { collect: collectParams, ...o } : o;
}

/** The rejection of `p` (fails the test if `p` resolves). */
export async function failure<E = APIError>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    return e as E;
  }
  throw new Error("expected the promise to reject");
}
