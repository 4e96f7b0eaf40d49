/** Test helpers: the recording HTTP server (test/helpers/http-server.ts) as the runtime tests use it, and small spec builders. */
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { reply, startHttpServer, type ReceivedRequest } from "../helpers/http-server.js";
import { collectParams } from "../../src/runtime/collect-params.js";
import type { APIError } from "../../src/runtime/errors.js";
import type { ClientSpec, OperationSpec } from "../../src/runtime/types.js";

export type Received = ReceivedRequest;

/** `n` is the 1-based number of this request on the server. */
export type Handler = (req: Received, res: ServerResponse, n: number) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

export function startServer(handler: Handler = (_req, res) => reply(res, 200, { ok: true })): Promise<TestServer> {
  return startHttpServer((req, res) => handler(req, res, req.n));
}

export { reply };

export interface SharedTestServer extends TestServer {
  /** What answers the next request; back to the file's own before each test. */
  handler: Handler;
}

/**
 * The server a runtime test file shares: started before its first test, closed after its last, and
 * before each test emptied of recorded requests with `handler` back to `fallback`. Call it at the
 * top level of the file.
 */
export function useTestServer(fallback: Handler = (_req, res) => reply(res, 200, { ok: true })): SharedTestServer {
  let started: TestServer | undefined;
  const live = (): TestServer => {
    if (!started) throw new Error("the test server starts in beforeAll: read it inside a test or a hook");
    return started;
  };
  const shared: SharedTestServer = {
    handler: fallback,
    get url() {
      return live().url;
    },
    get requests() {
      return live().requests;
    },
    close: () => live().close(),
  };
  beforeAll(async () => {
    started = await startServer((req, res, n) => shared.handler(req, res, n));
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    live().requests.length = 0;
    shared.handler = fallback;
  });
  return shared;
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
    baseURLEnv: "ACME_BASE_URL",
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
