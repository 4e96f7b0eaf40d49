/**
 * Middleware, withOptions and `_request_id`, through the generated OpenAI and Cloudflare packages (flat
 * and builder: one runtime) against a recording server on 127.0.0.1. The type assertions are checked
 * under --strict by test/typecheck.test.ts.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import Cloudflare from "../../generated/cloudflare/src/index.js";
import { InvitesApi } from "../../generated/openai/src/builder.js";
import { retrieveInvite } from "../../generated/openai/src/operations/index.js";
import OpenAI, {
  addMiddleware,
  OpenAICore,
  APIConnectionError,
  APIConnectionTimeoutError,
  type Middleware,
  type MiddlewareContext,
  type RetrieveInviteResponse,
  OpenAIError,
} from "../../generated/openai/src/index.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";
import { ClientCore } from "../../src/runtime/index.js";
import { intercept } from "../../src/runtime/middleware.js";
import { deadPort, failure, op, spec } from "./helpers.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const invite = { object: "organization.invite", id: "i1", email: "a@b.co", role: "reader", status: "pending" };
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
const client = (options: ConstructorParameters<typeof OpenAI>[0] = {}) =>
  new OpenAI({ adminApiKey: "sk-secret", baseURL: server.baseURL, logLevel: "off", ...options });
const last = () => server.requests.at(-1)!;

/** A middleware that logs each hook as `name hook attempt` into `log`. */
const tracer = (name: string, log: string[]): Middleware => ({
  onRequest: ({ attempt }) => void log.push(`${name} request ${attempt}`),
  onResponse: ({ attempt }) => void log.push(`${name} response ${attempt}`),
});

describe("middleware", () => {
  it("runs onRequest in order and onResponse in reverse; each may replace what it is given; logs stay redacted", async () => {
    server.reply({ body: invite });
    const log: string[] = [];
    const lines: string[] = [];
    const logger = { error: () => {}, warn: () => {}, info: () => {}, debug: (m: string) => void lines.push(m) };
    const signer: Middleware = {
      onRequest: ({ request }) => {
        log.push(`signer sees ${request.headers.get("authorization")}`);
        const signed = new Request(request, { headers: new Headers(request.headers) });
        signed.headers.set("x-signature", "sig");
        return signed;
      },
      onResponse: async ({ response }) => json({ ...(await response.json()), wrapped: true }),
    };
    const c = client({ middleware: [tracer("outer", log), signer], logLevel: "debug", logger });
    const result = await c.organization.invites.retrieve("i1");
    expect(log).toEqual(["outer request 1", "signer sees Bearer sk-secret", "outer response 1"]);
    expect(last().headers["x-signature"]).toBe("sig");
    expect(result).toEqual({ ...invite, wrapped: true });
    expect(lines.join("\n")).toMatch(/response 200/);
    expect(lines.join("\n")).not.toContain("sk-secret");
  });

  it("onError recovers from a refused connection with a Response; without one the call fails as before", async () => {
    const errors: unknown[] = [];
    const recover: Middleware = {
      onError: ({ error, operation }) => {
        errors.push(error);
        return json({ ...invite, id: `from ${operation.id}` });
      },
    };
    const down = client({ baseURL: await deadPort(), maxRetries: 0 });
    expect(await down.organization.invites.retrieve("x", { middleware: [recover] })).toMatchObject({
      id: "from retrieveInvite",
    });
    expect(errors).toHaveLength(1);
    expect(await failure(down.organization.invites.retrieve("x"))).toBeInstanceOf(APIConnectionError);
  });

  it("a Request a hook builds anew still ends at the timeout, which no onError answers", async () => {
    server.reply({ body: invite, delayMs: 2000 });
    let answered = 0;
    const fresh: Middleware = {
      onRequest: ({ request }) => new Request(request.url, { headers: request.headers }),
      onError: () => void answered++,
    };
    const c = client({ timeout: 100, maxRetries: 0, middleware: [fresh] });
    expect(await failure(c.organization.invites.retrieve("slow"))).toBeInstanceOf(APIConnectionTimeoutError);
    expect(answered).toBe(0);
  });

  it("passes every attempt through, counting from 1, with the operation", async () => {
    server.reply({ status: 500, headers: { "retry-after-ms": "1" }, body: { error: "busy" } }, { body: invite });
    const seen: MiddlewareContext[] = [];
    const c = client({ maxRetries: 1 }).use({ onRequest: (ctx) => void seen.push(ctx) });
    await c.organization.invites.retrieve("i1");
    expect(seen.map((s) => s.attempt)).toEqual([1, 2]);
    expect(seen[0]!.operation).toMatchObject({
      id: "retrieveInvite",
      method: "get",
      path: "/organization/invites/{invite_id}",
    });
  });

  it("numbers the requests after a resend outside the retries (OAuth2's, after a 401) on from it", async () => {
    const seen: number[] = [];
    const operation = { id: "op", method: "get" as const, path: "/" };
    const f = intercept([{ onRequest: ({ attempt }) => void seen.push(attempt) }], [], operation, 2, async () =>
      json({}),
    );
    await f(server.baseURL);
    f.resent(1);
    // The resend, then a redirect it gets: both attempt 3.
    await f(server.baseURL);
    await f(server.baseURL);
    expect(seen).toEqual([2, 3, 3]);
  });

  it("a hook that throws ends the call with its own error, not retried", async () => {
    class Refused extends Error {}
    const thrown = new Refused("no");
    server.reply({ status: 503, body: {} });
    const before = server.requests.length;
    const c = client({ maxRetries: 3 });
    expect(
      await failure(
        c.organization.invites.retrieve("i1", {
          middleware: [
            {
              onRequest: () => {
                throw thrown;
              },
            },
          ],
        }),
      ),
    ).toBe(thrown);
    expect(server.requests.length).toBe(before);
    const late = { onResponse: async () => Promise.reject(thrown) };
    expect(await failure(c.organization.invites.retrieve("i1", { middleware: [late] }))).toBe(thrown);
    expect(server.requests.length).toBe(before + 1);
  });

  it("per-request middleware runs inside the client's, for that request only; use() adds to the client", async () => {
    server.reply({ body: invite });
    const log: string[] = [];
    const c = client({ middleware: [tracer("client", log)] });
    await c.organization.invites.retrieve("i1", { middleware: [tracer("request", log)] });
    await c.use(tracer("used", log)).organization.invites.retrieve("i1");
    expect(log).toEqual([
      "client request 1",
      "request request 1",
      "request response 1",
      "client response 1",
      "client request 1",
      "used request 1",
      "used response 1",
      "client response 1",
    ]);
  });

  it("the standalone functions' core runs middleware once addMiddleware gives it some", async () => {
    server.reply({ body: invite });
    const log: string[] = [];
    const core = new OpenAICore({ adminApiKey: "sk-secret", baseURL: server.baseURL, logLevel: "off" });
    addMiddleware(core, tracer("core", log));
    expect(await retrieveInvite(core, "i1")).toEqual(invite);
    expect(log).toEqual(["core request 1", "core response 1"]);
    // Given only as an option, the core (which leaves the runner out of its bundles) says what to do.
    const bare = new OpenAICore({
      adminApiKey: "sk-secret",
      baseURL: server.baseURL,
      middleware: [tracer("bare", log)],
      maxRetries: 0,
    });
    const err = await retrieveInvite(bare, "i1").catch((e) => e);
    expect(err).toBeInstanceOf(OpenAIError);
    expect(err.message).toContain("addMiddleware(core, middleware)");
  });
});

describe("withOptions", () => {
  it("gives a new client of the same class; neither sees the other's options or middleware", async () => {
    server.reply({ body: invite });
    const log: string[] = [];
    const original = client({ defaultHeaders: { "x-tenant": "a" } });
    const derived = original.withOptions({ defaultHeaders: { "x-tenant": "b" }, maxRetries: 0 });
    expect(derived).toBeInstanceOf(OpenAI);
    expect(derived).not.toBe(original);
    derived.use(tracer("derived", log));
    original.use(tracer("original", log));
    await derived.organization.invites.retrieve("i1");
    expect(last().headers["x-tenant"]).toBe("b");
    expect(last().headers.authorization).toBe("Bearer sk-secret");
    await original.organization.invites.retrieve("i1");
    expect(last().headers["x-tenant"]).toBe("a");
    expect(log).toEqual(["derived request 1", "derived response 1", "original request 1", "original response 1"]);
    expect(original.options.maxRetries).toBeUndefined();
    expectTypeOf(derived).toEqualTypeOf<OpenAI>();
  });

  it("on a builder API: a new API object over a derived client; use() reaches its client", async () => {
    server.reply({ body: invite });
    const log: string[] = [];
    const api = new InvitesApi({ adminApiKey: "sk-secret", baseURL: "http://127.0.0.1:9/unused", logLevel: "off" });
    const moved = api.withOptions({ baseURL: server.baseURL }).use(tracer("builder", log));
    expectTypeOf(moved).toEqualTypeOf<InvitesApi>();
    expect(await moved.retrieveInvite("i1").execute()).toEqual(invite);
    expect(log).toEqual(["builder request 1", "builder response 1"]);
    // @ts-expect-error an option no client has
    api.withOptions({ notAnOption: 1 });
  });
});

describe("_request_id", () => {
  it("is on a returned object, from x-request-id, non-enumerable; not on a page's items", async () => {
    server.reply({ headers: { "x-request-id": "req_1" }, body: invite });
    const result = await client().organization.invites.retrieve("i1");
    expect(result._request_id).toBe("req_1");
    expect(Object.keys(result)).not.toContain("_request_id");
    expect(JSON.stringify(result)).toBe(JSON.stringify(invite));
    expectTypeOf(result._request_id).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(result).toEqualTypeOf<RetrieveInviteResponse & { readonly _request_id?: string | null }>();

    server.reply({ headers: { "x-request-id": "req_2" }, body: { object: "list", data: [invite], has_more: false } });
    const page = await client().organization.invites.list();
    expect(Object.getOwnPropertyDescriptor(page.items[0], "_request_id")).toBeUndefined();
    expect((page.body as { _request_id?: string })._request_id).toBe("req_2");

    server.reply({ headers: { "x-request-id": "req_3" }, body: [invite] });
    const list = await new ClientCore(spec({ baseURL: server.baseURL }), { logLevel: "off" }).request<unknown[]>(
      op(),
      {},
      undefined,
    );
    expect(Object.getOwnPropertyDescriptor(list, "_request_id")).toBeUndefined();
    expectTypeOf(list).toEqualTypeOf<unknown[]>();
  });

  it("comes from clientgen.yaml's requestIdHeader: Cloudflare's cf-ray, through its envelope", async () => {
    const result = { id: "inv", status: "pending" };
    server.reply({
      headers: { "cf-ray": "8f1c2d3e4a5b6c7d-AMS", "x-request-id": "other" },
      body: { success: true, errors: [], messages: [], result },
    });
    const cf = new Cloudflare({ apiToken: "t", baseURL: server.baseURL, logLevel: "off" });
    const got = await cf.user.invites.get("inv");
    expect(got._request_id).toBe("8f1c2d3e4a5b6c7d-AMS");
    expect(got).toEqual(result);
  });
});
