import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string. */
  body?: unknown;
  /** Wait this long before answering (for timeouts and aborts). */
  delayMs?: number;
}

export interface RecordingServer {
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies are served in order; the last one repeats. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request and answers from a queue. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [{ status: 200, body: {} }];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      requests.push({ method: req.method ?? "", url: req.url ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = queue.length > 1 ? queue.shift()! : queue[0]!;
      const isText = typeof reply.body === "string";
      const headers = { ...(reply.body === undefined || isText ? {} : { "content-type": "application/json" }), ...reply.headers };
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, headers);
        res.end(reply.body === undefined ? undefined : isText ? (reply.body as string) : JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => {
      queue = replies;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
