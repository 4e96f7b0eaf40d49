/**
 * The shared test server (http-server.ts) misbehaving on purpose: headers then silence, a body dripped byte by byte,
 * a connection reset mid-body, redirects. Every request is recorded before the fault is served.
 */
import type { ServerResponse } from "node:http";
import { startHttpServer, type ReceivedRequest } from "./http-server.js";

/** What a fault sees of a request: method, target as sent (path and query), headers. */
export type FaultRequest = Pick<ReceivedRequest, "method" | "url" | "headers">;

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
  const server = await startHttpServer((req, res) => {
    const seen: FaultRequest = { method: req.method, url: req.url, headers: req.headers };
    requests.push(seen);
    fault(res, seen, server.url, requests.length);
  });
  return {
    url: server.url,
    requests,
    serve: (next) => {
      fault = next;
      requests.length = 0;
    },
    close: () => server.close(),
  };
}
