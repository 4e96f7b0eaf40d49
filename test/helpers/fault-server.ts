/**
 * A server on 127.0.0.1 that misbehaves on purpose: headers then silence, a body dripped byte by byte,
 * a connection reset mid-body, redirects. Every request is recorded before the fault is served.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FaultRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** Answers (or fails to answer) one request; `url` is the server's own base URL, `n` the request's number (1-based). */
export type Fault = (res: ServerResponse, req: FaultRequest, url: string, n: number) => void;

export interface FaultServer {
  url: string;
  requests: FaultRequest[];
  /** How every request is answered from now on; also forgets the requests seen so far. */
  serve(fault: Fault): void;
  close(): Promise<void>;
}

const JSON_TYPE = { "content-type": "application/json" };

/** A complete answer. */
export const answer =
  (status: number, body = "", headers: Record<string, string> = JSON_TYPE): Fault =>
  (res) =>
    res.writeHead(status, headers).end(body);

/** Headers (with a retry hint of 1 ms), the first bytes of a JSON body, then nothing more. */
export const stall: Fault = (res) => {
  res.writeHead(200, { ...JSON_TYPE, "retry-after-ms": "1" });
  res.write('{"id":');
};

/** Headers, then one byte every `ms`, for as long as the client listens. */
export const drip =
  (ms: number): Fault =>
  (res) => {
    res.writeHead(200, { ...JSON_TYPE, "retry-after-ms": "1" });
    res.write("[");
    const timer = setInterval(() => res.write(" "), ms);
    res.on("close", () => clearInterval(timer));
  };

/** Headers promising 1,000 bytes, ten of them, then the connection is destroyed. */
export const resetMidBody: Fault = (res) => {
  res.writeHead(200, { ...JSON_TYPE, "content-length": "1000", "retry-after-ms": "1" });
  res.write('{"id":"abc');
  setTimeout(() => res.socket?.destroy(), 5);
};

/** A redirect to `location`, resolved against the server's own URL. */
export const redirect =
  (location: string, status = 302): Fault =>
  (res, _req, url) =>
    res.writeHead(status, { location: new URL(location, url).href }).end();

/** The first request gets the first fault, and so on; the last one repeats. */
export const sequence =
  (...faults: Fault[]): Fault =>
  (res, req, url, n) =>
    faults[Math.min(n, faults.length) - 1]!(res, req, url, n);

export async function startFaultServer(): Promise<FaultServer> {
  const requests: FaultRequest[] = [];
  let fault: Fault = answer(200, "{}");
  const server = createServer((req, res) => {
    req.resume();
    const seen: FaultRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
    requests.push(seen);
    fault(res, seen, base, requests.length);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    serve: (next) => {
      fault = next;
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
