/**
 * The one HTTP test server: node:http on 127.0.0.1 (port 0) that reads each request whole (up to a
 * limit), records it and hands it to a handler. The runtime tests, the recording server of the e2e
 * tests and the provider fakes are thin layers over it.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  /** 1-based number of this request on the server. */
  n: number;
  method: string;
  /** Raw request target as sent on the wire, e.g. `/files/..%2Fadmin?x=1`. */
  url: string;
  /** The pathname as URL parsing gives it (percent-encoding kept). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as received; empty when it was over `maxBody`. */
  body: Buffer;
  text: string;
  /** The body was larger than `maxBody` and was not kept. */
  tooLarge: boolean;
}

export type RequestHandler = (req: ReceivedRequest, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export interface HttpServerOptions {
  /** Bodies above this many bytes are not kept (`tooLarge`), so a runaway client cannot fill memory. Default 1 MiB. */
  maxBody?: number;
}

export async function startHttpServer(
  handler: RequestHandler,
  { maxBody = 1 << 20 }: HttpServerOptions = {},
): Promise<HttpServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= maxBody) chunks.push(c);
    });
    req.on("end", () => {
      const body = size <= maxBody ? Buffer.concat(chunks) : Buffer.alloc(0);
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const received: ReceivedRequest = {
        n: requests.length + 1,
        method: req.method ?? "",
        url: req.url ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        text: body.toString("utf8"),
        tooLarge: size > maxBody,
      };
      requests.push(received);
      Promise.resolve()
        .then(() => handler(received, res))
        .catch((e: unknown) => {
          if (!res.headersSent) reply(res, 599, { message: `test server handler failed: ${String(e)}` });
        });
    });
  });
  // Idle keep-alive sockets close at once, so the test process exits by itself.
  server.keepAliveTimeout = 1;
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
  if (res.destroyed) return;
  const isText = typeof body === "string" || body === undefined;
  const payload = body === undefined ? "" : isText ? (body as string) : JSON.stringify(body);
  res.writeHead(status, { ...(isText ? {} : { "content-type": "application/json" }), ...headers });
  res.end(payload);
}
