/**
 * The plumbing shared by the provider fakes, over the shared test server (test/helpers/http-server.ts):
 * every request is recorded, authenticated, rate limited, routed and answered. Each
 * provider file supplies the routes, the state and its own error bodies.
 */
import { performance } from "node:perf_hooks";
import { startHttpServer, type ReceivedRequest } from "../helpers/http-server.js";

/** A request as the shared server received it (body as text), with its path below the fake's base path. */
export interface FakeRequest extends Omit<ReceivedRequest, "body" | "tooLarge" | "path"> {
  /** Path below the fake's base path (the whole path when outside it), still percent-encoded, e.g. `/organization/invites`. */
  path: string;
  /** Route parameters, percent-decoded (`:invite_id` → `params.invite_id`). */
  params: Record<string, string>;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded; no body when undefined. */
  body?: unknown;
  /** Default `application/json`. */
  contentType?: string;
}

export interface Route {
  method: string;
  /** Below the base path; `:name` matches one segment. */
  path: string;
  handle(req: FakeRequest): FakeReply;
}

/**
 * After `limit` requests, the next one is refused with 429 and opens a window of `windowMs` in which
 * every request is refused, told how long is left (`Retry-After` in seconds, `retry-after-ms`). When
 * the window closes the count starts again. Only authenticated requests count.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface FakeServerConfig {
  /** Path prefix of the API, e.g. `/v1`; the fake's `baseURL` ends with it. */
  basePath?: string;
  routes: Route[];
  /** Undefined when the credentials are good, else the error reply. */
  authenticate(req: FakeRequest): FakeReply | undefined;
  rateLimited(req: FakeRequest, retryAfterMs: number): FakeReply;
  notFound(req: FakeRequest): FakeReply;
  /** Headers sent on every reply, e.g. a request id. */
  headers?(req: FakeRequest): Record<string, string>;
  rateLimit?: RateLimit | undefined;
}

export interface FakeServer {
  /** Origin plus base path: what a client takes as `baseURL`. */
  baseURL: string;
  /** Every request received, in order (rate-limited and refused ones included). */
  requests: FakeRequest[];
  /** Replaces the rate limit (undefined: none) and starts counting afresh. */
  setRateLimit(limit: RateLimit | undefined): void;
  close(): Promise<void>;
}

/** Request bodies above this are refused with 413, so a runaway client cannot fill memory. */
const MAX_BODY = 1 << 20;
/** Timers may fire up to a millisecond early against this clock; a retry that waited as told is let in. */
const GRACE_MS = 2;

export async function startFakeServer(config: FakeServerConfig): Promise<FakeServer> {
  const basePath = config.basePath ?? "";
  const requests: FakeRequest[] = [];
  let limit = config.rateLimit;
  let passed = 0;
  let closedUntil = 0;

  /** Milliseconds the caller must wait, or undefined when the request may go through. */
  const throttle = (): number | undefined => {
    if (!limit) return undefined;
    const now = performance.now();
    if (now + GRACE_MS < closedUntil) return Math.ceil(closedUntil - now);
    if (closedUntil) {
      closedUntil = 0;
      passed = 0;
    }
    if (++passed <= limit.limit) return undefined;
    closedUntil = now + limit.windowMs;
    return Math.max(1, Math.ceil(limit.windowMs));
  };

  const answer = (req: FakeRequest, inBase: boolean): FakeReply => {
    if (!inBase) return config.notFound(req);
    const denied = config.authenticate(req);
    if (denied) return denied;
    const wait = throttle();
    if (wait !== undefined) {
      const reply = config.rateLimited(req, wait);
      return {
        ...reply,
        headers: { "retry-after": String(Math.ceil(wait / 1000)), "retry-after-ms": String(wait), ...reply.headers },
      };
    }
    for (const route of config.routes) {
      const params = route.method === req.method ? match(route.path, req.path) : undefined;
      if (params) return route.handle({ ...req, params });
    }
    return config.notFound(req);
  };

  const server = await startHttpServer(
    (received, res) => {
      const inBase = received.path === basePath || received.path.startsWith(basePath + "/");
      const rawPath = received.url.split("?")[0]!;
      const { body: _raw, tooLarge, ...rest } = received;
      const fake: FakeRequest = { ...rest, path: inBase ? rawPath.slice(basePath.length) : rawPath, params: {} };
      requests.push(fake);
      let reply: FakeReply;
      try {
        reply = tooLarge ? { status: 413, body: { message: "Request body too large" } } : answer(fake, inBase);
      } catch (e) {
        reply = { status: 500, body: { message: `fake server bug: ${String(e)}` } };
      }
      const body = reply.body === undefined ? undefined : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...config.headers?.(fake),
        ...(body === undefined
          ? { "content-length": "0" }
          : { "content-type": reply.contentType ?? "application/json" }),
        ...reply.headers,
      });
      res.end(body);
    },
    { maxBody: MAX_BODY },
  );
  return {
    baseURL: server.url + basePath,
    requests,
    setRateLimit: (next) => {
      limit = next;
      passed = 0;
      closedUntil = 0;
    },
    close: () => server.close(),
  };
}

/** Route parameters when `pattern` matches `path` segment by segment, else undefined. */
function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) {
      if (!g) return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

/** The parsed JSON body, or undefined when it is absent or not JSON. */
export function jsonBody(req: FakeRequest): unknown {
  try {
    return req.text ? (JSON.parse(req.text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Loose but real: one `@`, a dot in the domain, no spaces. */
export const isEmail = (v: unknown): v is string => typeof v === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

/** The bearer token of an `Authorization: Bearer …` header, if any. */
export function bearer(req: FakeRequest): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1];
}
