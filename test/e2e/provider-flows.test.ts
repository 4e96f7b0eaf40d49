import { afterEach, describe, expect, it, vi } from "vitest";
import Cloudflare, * as cf from "../../generated/cloudflare/src/index.js";
import Konnect, * as kn from "../../generated/konnect/src/index.js";
import OpenAI, * as oa from "../../generated/openai/src/index.js";
import Trieve, * as tr from "../../generated/trieve/src/index.js";
import {
  CLOUDFLARE_API_KEY,
  CLOUDFLARE_API_TOKEN,
  CLOUDFLARE_EMAIL,
  startCloudflareServer,
} from "../fakes/cloudflare-server.js";
import type { FakeServer, RateLimit } from "../fakes/fake-server.js";
import { KONNECT_PAT, KONNECT_SPAT, startKonnectServer } from "../fakes/konnect-server.js";
import { OPENAI_ADMIN_KEY, startOpenAIServer } from "../fakes/openai-server.js";
import { TRIEVE_API_KEY, TRIEVE_ORGANIZATION, startTrieveServer } from "../fakes/trieve-server.js";

/**
 * Each provider's whole invitation flow, through its generated flat client, against a stateful fake
 * of its API (test/fakes/): what the API offers of create → list → get → accept → delete, its
 * validation errors, auth failures, the missing-credential error, and its rate limit.
 */

const servers: FakeServer[] = [];
/** Starts a fake that is closed after the test. */
async function fake<T extends FakeServer>(started: Promise<T>): Promise<T> {
  const server = await started;
  servers.push(server);
  return server;
}
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The rejection of `p`, failing the test if it resolves. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    (v) => expect.unreachable(`expected a rejection, got ${JSON.stringify(v)}`),
    (e: unknown) => e,
  );
}

/** Fields checked on every APIError the flows expect. */
function expectAPIError(
  err: unknown,
  cls: abstract new (...args: never[]) => Error,
  status: number,
  body: unknown,
): void {
  expect(err).toBeInstanceOf(cls);
  expect(err).toMatchObject({ status, body });
}

describe("OpenAI: organization invites", () => {
  const client = (baseURL: string, o: Partial<oa.OpenAIOptions> = {}) =>
    new OpenAI({ adminApiKey: OPENAI_ADMIN_KEY, baseURL, maxRetries: 0, ...o });

  it("create 5 → list in pages of 2 → retrieve → accept → delete; an accepted invite cannot be deleted", async () => {
    const server = await fake(startOpenAIServer());
    const api = client(server.baseURL).organization.invites;

    const created = [];
    for (const who of ["ann", "bob", "cat", "dan", "eve"])
      created.push(await api.create({ email: `${who}@example.com`, role: "reader" }));
    expect(created.map((i) => i.status)).toEqual(Array(5).fill("pending"));
    expect(created[0]).toMatchObject({
      object: "organization.invite",
      email: "ann@example.com",
      role: "reader",
      accepted_at: null,
      projects: [],
    });
    expect(server.invites.size).toBe(5);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${OPENAI_ADMIN_KEY}`);

    // for await walks every page: 2 + 2 + 1, three requests, each sending the previous page's last id.
    const before = server.requests.length;
    const seen = [];
    for await (const invite of api.list({ limit: 2 })) seen.push(invite.id);
    expect(seen).toEqual(created.map((i) => i.id));
    const pages = server.requests.slice(before);
    expect(pages.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill("GET /organization/invites"));
    expect(pages.map((r) => Object.fromEntries(r.query))).toEqual([
      { limit: "2" },
      { limit: "2", after: created[1]!.id },
      { limit: "2", after: created[3]!.id },
    ]);

    // `await` gives the first page, with the cursor fields of the response.
    const first = await api.list({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([created[0]!.id, created[1]!.id]);
    expect(first.body).toMatchObject({
      object: "list",
      has_more: true,
      first_id: created[0]!.id,
      last_id: created[1]!.id,
    });
    expect(first.hasNextPage()).toBe(true);

    expect(await api.retrieve(created[2]!.id)).toEqual(created[2]);

    server.accept(created[0]!.id);
    const accepted = await api.retrieve(created[0]!.id);
    expect(accepted.status).toBe("accepted");
    expect(accepted.accepted_at).toEqual(expect.any(Number));

    expect(await api.delete(created[1]!.id)).toEqual({
      object: "organization.invite.deleted",
      id: created[1]!.id,
      deleted: true,
    });
    expect(server.invites.has(created[1]!.id)).toBe(false);
    const gone = await rejection(api.retrieve(created[1]!.id));
    expectAPIError(gone, oa.NotFoundError, 404, {
      error: { type: "invalid_request_error", param: "invite_id", code: null },
    });

    const refused = await rejection(api.delete(created[0]!.id));
    expectAPIError(refused, oa.BadRequestError, 400, {
      error: {
        message: "Cannot delete an invite that has already been accepted.",
        type: "invalid_request_error",
        param: "invite_id",
        code: "invite_already_accepted",
      },
    });
    expect((refused as oa.APIError).message).toBe(
      "400 Bad Request: Cannot delete an invite that has already been accepted.",
    );
    expect((refused as oa.APIError).requestID).toBe(`req_fake${String(server.requests.length).padStart(8, "0")}`);
    expect(server.invites.get(created[0]!.id)?.status).toBe("accepted");

    const after = [];
    for await (const invite of api.list()) after.push(invite.id);
    expect(after).toEqual([created[0]!.id, created[2]!.id, created[3]!.id, created[4]!.id]);
  });

  it("validation errors carry the OpenAI error object naming the parameter", async () => {
    const server = await fake(startOpenAIServer());
    const api = client(server.baseURL).organization.invites;
    const bad = await rejection(api.create({ email: "not-an-email", role: "reader" }));
    expectAPIError(bad, oa.BadRequestError, 400, {
      error: { type: "invalid_request_error", param: "email", code: "invalid_value" },
    });
    const tooMany = await rejection(api.list({ limit: 101 }));
    expectAPIError(tooMany, oa.BadRequestError, 400, { error: { param: "limit", code: "integer_above_max_value" } });
    await api.create({ email: "ann@example.com", role: "owner" });
    const twice = await rejection(api.create({ email: "ann@example.com", role: "owner" }));
    expectAPIError(twice, oa.BadRequestError, 400, { error: { param: "email", code: "invite_already_exists" } });
    expect(server.invites.size).toBe(1);
  });

  it("a wrong key is an AuthenticationError at call time; no key is an error at construction naming the option and the variable", async () => {
    const server = await fake(startOpenAIServer());
    const err = await rejection(
      client(server.baseURL, { adminApiKey: "sk-admin-wrong-0000" }).organization.invites.retrieve("invite-1"),
    );
    expectAPIError(err, oa.AuthenticationError, 401, {
      error: {
        message: "Incorrect API key provided: sk-*****0000.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    });

    vi.stubEnv("OPENAI_ADMIN_KEY", undefined);
    const build = () => new OpenAI({ baseURL: server.baseURL });
    expect(build).toThrow(oa.OpenAIError);
    expect(build).toThrow(/`adminApiKey`.*OPENAI_ADMIN_KEY/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("Cloudflare: user invites", () => {
  const client = (baseURL: string, o: Partial<cf.CloudflareOptions> = {}) =>
    new Cloudflare({ apiToken: CLOUDFLARE_API_TOKEN, baseURL, maxRetries: 0, ...o });

  it("list → get → accept / reject, through the envelope", async () => {
    const server = await fake(startCloudflareServer());
    const sent = [
      server.addInvite({ organization_name: "Acme" }),
      server.addInvite(),
      server.addInvite({ roles: ["Billing"] }),
    ];
    const api = client(server.baseURL).user.invites;

    // The endpoint returns every invitation at once: one request, one page.
    const before = server.requests.length;
    const listed = [];
    for await (const invite of api.list()) listed.push(invite);
    expect(listed).toEqual(sent);
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual(["GET /client/v4/user/invites"]);
    const page = await api.list();
    expect(page.hasNextPage()).toBe(false);
    expect(page.body).toMatchObject({
      success: true,
      errors: [],
      messages: [],
      result_info: { count: 3, page: 1, total_count: 3 },
    });

    expect(await api.get(sent[0]!.id)).toEqual(sent[0]);
    const accepted = await api.edit(sent[0]!.id, { status: "accepted" });
    expect(accepted).toEqual({ ...sent[0], status: "accepted" });
    expect(JSON.parse(server.requests.at(-1)!.text)).toEqual({ status: "accepted" });
    expect((await api.get(sent[0]!.id))?.status).toBe("accepted");
    expect((await api.edit(sent[1]!.id, { status: "rejected" }))?.status).toBe("rejected");
    expect([...server.invites.values()].map((i) => i.status)).toEqual(["accepted", "rejected", "pending"]);

    // Answering twice is refused, in the failure envelope.
    const again = await rejection(api.edit(sent[0]!.id, { status: "rejected" }));
    expectAPIError(again, cf.BadRequestError, 400, {
      success: false,
      errors: [{ code: 1002, message: "Invitation is already accepted" }],
      messages: [],
      result: null,
    });
    expect((again as cf.APIError).message).toBe("400 Bad Request: 1002: Invitation is already accepted");
    expect((again as cf.APIError).requestID).toMatch(/^[0-9a-f]{16}-SJC$/);

    // The email + key pair works as well as the token.
    const pair = new Cloudflare({
      apiEmail: CLOUDFLARE_EMAIL,
      apiKey: CLOUDFLARE_API_KEY,
      baseURL: server.baseURL,
      maxRetries: 0,
    });
    expect((await pair.user.invites.get(sent[2]!.id))?.id).toBe(sent[2]!.id);
    expect(server.requests.at(-1)!.headers).toMatchObject({
      "x-auth-email": CLOUDFLARE_EMAIL,
      "x-auth-key": CLOUDFLARE_API_KEY,
    });
  });

  it("an unknown or malformed invite id and a bad status are 4xx failure envelopes", async () => {
    const server = await fake(startCloudflareServer());
    const invite = server.addInvite();
    const api = client(server.baseURL).user.invites;
    const unknown = await rejection(api.get("0".repeat(32)));
    expectAPIError(unknown, cf.NotFoundError, 404, {
      success: false,
      errors: [{ code: 1003, message: "Invitation not found" }],
      result: null,
    });
    const malformed = await rejection(api.get("x".repeat(33)));
    expectAPIError(malformed, cf.BadRequestError, 400, { success: false, errors: [{ code: 7003 }] });
    const badStatus = await rejection(api.edit(invite.id, { status: "maybe" } as unknown as cf.EditInviteParams));
    expectAPIError(badStatus, cf.BadRequestError, 400, { errors: [{ code: 1001, source: { pointer: "/status" } }] });
    expect(server.invites.get(invite.id)?.status).toBe("pending");
  });

  it("a wrong token is an AuthenticationError; no credentials at all is an error at construction naming both alternatives", async () => {
    const server = await fake(startCloudflareServer());
    const err = await rejection(client(server.baseURL, { apiToken: "wrong" }).user.invites.list());
    expectAPIError(err, cf.AuthenticationError, 401, {
      success: false,
      errors: [{ code: 10000, message: "Authentication error" }],
      messages: [],
      result: null,
    });
    const wrongKey = await rejection(
      new Cloudflare({
        apiEmail: CLOUDFLARE_EMAIL,
        apiKey: "nope",
        baseURL: server.baseURL,
        maxRetries: 0,
      }).user.invites.list(),
    );
    expectAPIError(wrongKey, cf.AuthenticationError, 401, { success: false });

    for (const name of ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY"]) vi.stubEnv(name, undefined);
    const build = () => new Cloudflare({ baseURL: server.baseURL });
    expect(build).toThrow(cf.CloudflareError);
    expect(build).toThrow(
      /`apiToken` \(or set CLOUDFLARE_API_TOKEN\), or `apiEmail` and `apiKey` \(or set CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY\)/,
    );
    // Half of the pair is not enough either.
    expect(() => new Cloudflare({ apiEmail: CLOUDFLARE_EMAIL, baseURL: server.baseURL })).toThrow(/`apiKey`/);
  });
});

describe("Konnect: invites", () => {
  const client = (baseURL: string, o: Partial<kn.KonnectOptions> = {}) =>
    new Konnect({ personalAccessToken: KONNECT_PAT, baseURL, maxRetries: 0, ...o });

  it("invite (201, no body) → re-invite while pending → accept → inviting an active user is a 409 problem", async () => {
    const server = await fake(startKonnectServer());
    const api = client(server.baseURL).invites;
    // The API only sends invitations; there is nothing to list, get or delete.
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(api)).filter((n) => n !== "constructor")).toEqual([
      "inviteUser",
    ]);

    expect(await api.inviteUser({ email: "james.c.woods@example.com" })).toBeUndefined();
    expect(server.invites.get("james.c.woods@example.com")).toMatchObject({ status: "pending", sent: 1 });
    expect(server.requests.at(-1)).toMatchObject({
      method: "POST",
      path: "/v3/invites",
      text: '{"email":"james.c.woods@example.com"}',
    });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KONNECT_PAT}`);

    // Not an active user yet: a fresh invitation is sent (the spec's words), with a system account token this time.
    const spat = new Konnect({ systemAccountAccessToken: KONNECT_SPAT, baseURL: server.baseURL, maxRetries: 0 });
    const { data, response } = await spat.invites.inviteUser({ email: "james.c.woods@example.com" }).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(201);
    expect(server.invites.get("james.c.woods@example.com")).toMatchObject({ status: "pending", sent: 2 });

    server.accept("james.c.woods@example.com");
    const conflict = await rejection(api.inviteUser({ email: "James.C.Woods@example.com" }));
    expectAPIError(conflict, kn.ConflictError, 409, {
      status: 409,
      title: "Resource Conflict",
      detail: "User is already active",
    });
    expect((conflict as kn.ConflictError).headers?.get("content-type")).toBe("application/problem+json");
    expect((conflict as kn.ConflictError).requestID).toBeDefined();
    expect((conflict as kn.ConflictError<{ instance: string }>).body?.instance).toBe(
      `konnect:trace:${(conflict as kn.ConflictError).requestID}`,
    );
  });

  it("a bad or blank email is a 400 problem listing the invalid parameter", async () => {
    const server = await fake(startKonnectServer());
    const api = client(server.baseURL).invites;
    const bad = await rejection(api.inviteUser({ email: "not-an-email" }));
    expectAPIError(bad, kn.BadRequestError, 400, {
      status: 400,
      title: "Bad Request",
      invalid_parameters: [
        { field: "email", rule: "invalid", source: "body", reason: "must be a valid email address" },
      ],
    });
    const blank = await rejection(api.inviteUser({ email: "" }));
    expectAPIError(blank, kn.BadRequestError, 400, {
      invalid_parameters: [{ field: "email", rule: "required", reason: "cannot be blank" }],
    });
    expect(server.invites.size).toBe(0);
  });

  it("a wrong token is an AuthenticationError; no token is an error at construction naming the options and variables", async () => {
    const server = await fake(startKonnectServer());
    const err = await rejection(
      client(server.baseURL, { personalAccessToken: "kpat_wrong" }).invites.inviteUser({ email: "a@example.com" }),
    );
    expectAPIError(err, kn.AuthenticationError, 401, {
      status: 401,
      title: "Unauthorized",
      type: "https://httpstatuses.com/401",
      detail: "Invalid credentials",
    });

    vi.stubEnv("KONNECT_TOKEN", undefined);
    vi.stubEnv("KONNECT_SYSTEM_ACCOUNT_ACCESS_TOKEN", undefined);
    const build = () => new Konnect({ baseURL: server.baseURL });
    expect(build).toThrow(kn.KonnectError);
    expect(build).toThrow(/`personalAccessToken` \(or set KONNECT_TOKEN\)/);
    // With the variable set, the client reads it.
    vi.stubEnv("KONNECT_TOKEN", KONNECT_PAT);
    await new Konnect({ baseURL: server.baseURL }).invites.inviteUser({ email: "a@example.com" });
    expect(server.invites.has("a@example.com")).toBe(true);
  });
});

describe("Trieve: invitations", () => {
  const client = (baseURL: string, o: Partial<tr.TrieveOptions> = {}) =>
    new Trieve({ apiKey: TRIEVE_API_KEY, trOrganization: TRIEVE_ORGANIZATION, baseURL, maxRetries: 0, ...o });
  const body = (email: string, user_role = 0) => ({
    email,
    user_role,
    app_url: "https://admin.trieve.ai",
    redirect_uri: "https://admin.trieve.ai/welcome",
  });

  it("send (204) → sending again is refused → accept → inviting a member is refused", async () => {
    const server = await fake(startTrieveServer());
    const api = client(server.baseURL).invitations;
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(api)).filter((n) => n !== "constructor")).toEqual(["send"]);

    expect(await api.send({ ...body("jane@example.com", 1), scopes: ["read"] })).toBeUndefined();
    expect(server.invitations.get("jane@example.com")).toMatchObject({
      organization_id: TRIEVE_ORGANIZATION,
      user_role: 1,
      scopes: ["read"],
    });
    expect(server.requests.at(-1)!.headers).toMatchObject({
      authorization: TRIEVE_API_KEY,
      "tr-organization": TRIEVE_ORGANIZATION,
    });

    const twice = await rejection(api.send(body("jane@example.com")));
    expectAPIError(twice, tr.BadRequestError, 400, {
      message: "User with email jane@example.com has already been invited",
    });
    expect((twice as tr.APIError).message).toBe(
      "400 Bad Request: User with email jane@example.com has already been invited",
    );

    server.accept("jane@example.com");
    const member = await rejection(api.send(body("jane@example.com")));
    expectAPIError(member, tr.BadRequestError, 400, {
      message: "User with email jane@example.com is already in the organization",
    });
  });

  it("a bad email, a role above the caller's and inviting oneself are 400 { message }", async () => {
    const server = await fake(startTrieveServer({ caller: { email: "admin@example.com", role: 1 } }));
    const api = client(server.baseURL).invitations;
    expectAPIError(await rejection(api.send(body("not-an-email"))), tr.BadRequestError, 400, {
      message: "Invalid email",
    });
    expectAPIError(await rejection(api.send(body("owner@example.com", 2))), tr.BadRequestError, 400, {
      message: "Can not invite user with higher role than yours",
    });
    expectAPIError(await rejection(api.send(body("admin@example.com"))), tr.BadRequestError, 400, {
      message: "You cannot invite yourself",
    });
    expect(server.invitations.size).toBe(0);
  });

  it("a wrong key or organization is an AuthenticationError; no key is an error at construction naming the option and the variable", async () => {
    const server = await fake(startTrieveServer());
    const wrongKey = await rejection(
      client(server.baseURL, { apiKey: "tr-wrong" }).invitations.send(body("a@example.com")),
    );
    expectAPIError(wrongKey, tr.AuthenticationError, 401, { message: "Unauthorized" });
    const otherOrg = await rejection(
      client(server.baseURL, { trOrganization: "00000000-0000-4000-8000-000000000000" }).invitations.send(
        body("a@example.com"),
      ),
    );
    expectAPIError(otherOrg, tr.AuthenticationError, 401, { message: "Unauthorized" });

    vi.stubEnv("TRIEVE_API_KEY", undefined);
    const build = () => new Trieve({ trOrganization: TRIEVE_ORGANIZATION, baseURL: server.baseURL });
    expect(build).toThrow(tr.TrieveError);
    expect(build).toThrow(/`apiKey` to the client or set TRIEVE_API_KEY/);
    // `Bearer <key>` is accepted too.
    await client(server.baseURL, { apiKey: `Bearer ${TRIEVE_API_KEY}` }).invitations.send(body("b@example.com"));
    expect(server.invitations.has("b@example.com")).toBe(true);
  });
});

/** Client options the rate-limit cases vary. */
type Retrying = { maxRetries: number; logger?: oa.Logger };

/** One call per provider, made through a client with the given options, and what its 429 looks like. */
interface RateLimitCase {
  start(rateLimit: RateLimit): Promise<FakeServer>;
  call(server: FakeServer, o: Retrying): Promise<unknown>;
  RateLimitError: abstract new (...args: never[]) => Error;
  body: unknown;
}

const rateLimitCases: Record<string, RateLimitCase> = {
  OpenAI: {
    start: (rateLimit) => startOpenAIServer({ rateLimit }),
    call: (s, o) =>
      new OpenAI({ adminApiKey: OPENAI_ADMIN_KEY, baseURL: s.baseURL, ...o }).organization.invites
        .list()
        .then((p) => p.items),
    RateLimitError: oa.RateLimitError,
    body: { error: { type: "requests", code: "rate_limit_exceeded", param: null } },
  },
  Cloudflare: {
    start: (rateLimit) => startCloudflareServer({ rateLimit }),
    call: (s, o) =>
      new Cloudflare({ apiToken: CLOUDFLARE_API_TOKEN, baseURL: s.baseURL, ...o }).user.invites
        .list()
        .then((p) => p.items),
    RateLimitError: cf.RateLimitError,
    body: { success: false, errors: [{ code: 971 }], result: null },
  },
  Konnect: {
    start: (rateLimit) => startKonnectServer({ rateLimit }),
    call: (s, o) =>
      new Konnect({ personalAccessToken: KONNECT_PAT, baseURL: s.baseURL, ...o }).invites.inviteUser({
        email: `u${s.requests.length}@example.com`,
      }),
    RateLimitError: kn.RateLimitError,
    body: { status: 429, title: "Rate Limited", detail: "Too many requests" },
  },
  Trieve: {
    start: (rateLimit) => startTrieveServer({ rateLimit }),
    call: (s, o) =>
      new Trieve({
        apiKey: TRIEVE_API_KEY,
        trOrganization: TRIEVE_ORGANIZATION,
        baseURL: s.baseURL,
        ...o,
      }).invitations.send({
        email: `u${s.requests.length}@example.com`,
        user_role: 0,
        app_url: "https://admin.trieve.ai",
        redirect_uri: "https://admin.trieve.ai",
      }),
    RateLimitError: tr.RateLimitError,
    body: { message: "Too many requests, please slow down" },
  },
};

describe.each(Object.entries(rateLimitCases))("%s: rate limit", (_name, c) => {
  it("with maxRetries 0, the call past the limit is a RateLimitError with the provider's body and Retry-After headers", async () => {
    const server = await fake(c.start({ limit: 2, windowMs: 60_000 }));
    await c.call(server, { maxRetries: 0 });
    await c.call(server, { maxRetries: 0 });
    const err = await rejection(c.call(server, { maxRetries: 0 }));
    expectAPIError(err, c.RateLimitError, 429, c.body);
    const headers = (err as oa.APIError).headers!;
    expect(headers.get("retry-after")).toBe("60");
    expect(Number(headers.get("retry-after-ms"))).toBeGreaterThan(59_000);
    expect(server.requests).toHaveLength(3);
  });

  it("with maxRetries 1, the client waits the server's retry-after-ms and the retry succeeds", async () => {
    const server = await fake(c.start({ limit: 1, windowMs: 30 }));
    const warnings: string[] = [];
    const logger = { error: () => {}, warn: (m: string) => void warnings.push(m), info: () => {}, debug: () => {} };
    await c.call(server, { maxRetries: 1, logger });
    expect(server.requests).toHaveLength(1);
    const t0 = performance.now();
    await c.call(server, { maxRetries: 1, logger });
    const waited = performance.now() - t0;
    // One 429, then the retry, sent after the 30 ms asked for (the log says so; not the 0.5 s default backoff).
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.text)).toEqual([
      server.requests[0]!.text,
      server.requests[1]!.text,
      server.requests[1]!.text,
    ]);
    expect(warnings).toEqual([expect.stringMatching(/failed: 429 Too Many Requests.*, retry 1\/1 in 30ms$/)]);
    expect(waited).toBeGreaterThanOrEqual(25);
  });
});
