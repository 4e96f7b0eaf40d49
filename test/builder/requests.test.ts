/**
 * Every operation of the four seed packages, called through its generated builder against a real
 * HTTP server on 127.0.0.1: the exact request sent, the same request the flat method sends, and the
 * builder's own rules (immutability, last value wins, per-request options, missing parameters).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Cloudflare from "../../generated/cloudflare/src/index.js";
import { InvitesApi as CloudflareInvitesApi } from "../../generated/cloudflare/src/builder.js";
import Konnect from "../../generated/konnect/src/index.js";
import { InvitesApi as KonnectInvitesApi, ConflictError } from "../../generated/konnect/src/builder.js";
import OpenAI from "../../generated/openai/src/index.js";
import { InvitesApi, NotFoundError, OpenAICore, Page, APIUserAbortError } from "../../generated/openai/src/builder.js";
import Trieve from "../../generated/trieve/src/index.js";
import { InvitationApi, TrieveError } from "../../generated/trieve/src/builder.js";
import { startRecordingServer, type RecordedRequest, type RecordingServer } from "../helpers/recording-server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const last = (): RecordedRequest => server.requests[server.requests.length - 1]!;

/** What a request is, minus what varies by connection. */
function shape(r: RecordedRequest) {
  const { host, connection, "content-length": _length, ...headers } = r.headers;
  return { method: r.method, path: r.path, query: [...r.query], headers, body: r.body };
}

/** Sends with the builder, then with the flat method; both must send the very same request. */
async function sameAsFlat<T>(
  builder: () => Promise<T>,
  flat: () => Promise<T>,
): Promise<{ request: RecordedRequest; result: T }> {
  const result = await builder();
  const request = last();
  const flatResult = await flat();
  expect(shape(last())).toEqual(shape(request));
  expect(flatResult).toEqual(result);
  return { request, result };
}

const oaInvite = {
  object: "organization.invite",
  id: "invite-abc",
  email: "a@b.co",
  role: "reader",
  status: "pending",
  created_at: 1,
  expires_at: 2,
  accepted_at: null,
  projects: [],
};

describe("OpenAI: new InvitesApi(...)", () => {
  const options = () => ({ adminApiKey: "sk-admin", baseURL: server.baseURL, maxRetries: 0 });
  const api = () => new InvitesApi(options());
  const flat = () => new OpenAI(options()).organization.invites;

  it("listInvites().limit(1).after(...) sends GET with the query; .execute() pages with for await", async () => {
    const page1 = { object: "list", data: [oaInvite], first_id: "invite-abc", last_id: "invite-abc", has_more: true };
    const page2 = {
      object: "list",
      data: [{ ...oaInvite, id: "invite-def" }],
      first_id: "invite-def",
      last_id: "invite-def",
      has_more: false,
    };
    server.reply({ body: page1 }, { body: page2 });
    const before = server.requests.length;
    const ids: string[] = [];
    for await (const invite of api().listInvites().limit(1).after("invite-000").execute()) ids.push(invite.id);
    expect(ids).toEqual(["invite-abc", "invite-def"]);
    const [first, second] = server.requests.slice(before);
    expect(first).toMatchObject({
      method: "GET",
      path: "/organization/invites",
      url: "/organization/invites?limit=1&after=invite-000",
      body: "",
    });
    expect(first!.headers.authorization).toBe("Bearer sk-admin");
    expect(first!.headers.accept).toBe("application/json");
    expect([...second!.query]).toEqual([
      ["limit", "1"],
      ["after", "invite-abc"],
    ]);
  });

  it("listInvites() awaits to the first Page, the same request as the flat list()", async () => {
    server.reply({
      body: { object: "list", data: [oaInvite], first_id: "invite-abc", last_id: "invite-abc", has_more: false },
    });
    const page = await api().listInvites().limit(5).execute();
    expect(page).toBeInstanceOf(Page);
    expect(page.items.map((i) => i.id)).toEqual(["invite-abc"]);
    expect(last().url).toBe("/organization/invites?limit=5");
    const { request } = await sameAsFlat(
      () =>
        api()
          .listInvites()
          .limit(5)
          .execute()
          .then((p) => p.items),
      () =>
        flat()
          .list({ limit: 5 })
          .then((p) => p.items),
    );
    expect(request.url).toBe("/organization/invites?limit=5");
  });

  it("inviteUser().inviteRequest({...}) posts the body as JSON", async () => {
    server.reply({ body: oaInvite });
    const body = { email: "a@b.co", role: "reader" as const, projects: [{ id: "proj_1", role: "member" as const }] };
    const { request, result } = await sameAsFlat(
      () => api().inviteUser().inviteRequest(body).execute(),
      () => flat().create(body),
    );
    expect(result.id).toBe("invite-abc");
    expect(request).toMatchObject({ method: "POST", path: "/organization/invites", url: "/organization/invites" });
    expect(JSON.parse(request.body)).toEqual(body);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.authorization).toBe("Bearer sk-admin");
  });

  it("retrieveInvite(id) encodes the id into the path; executeRaw() gives data and the Response", async () => {
    server.reply({ status: 200, headers: { "x-request-id": "req_1" }, body: oaInvite });
    const { data, response } = await api().retrieveInvite("../admin").executeRaw();
    expect(data).toEqual(oaInvite);
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect(last()).toMatchObject({ method: "GET", path: "/organization/invites/..%2Fadmin", body: "" });
    await sameAsFlat(
      () => api().retrieveInvite("invite-abc").execute(),
      () => flat().retrieve("invite-abc"),
    );
    expect(last().path).toBe("/organization/invites/invite-abc");
  });

  it("deleteInvite(id) sends DELETE", async () => {
    server.reply({ body: { object: "organization.invite.deleted", id: "invite-abc", deleted: true } });
    const { request, result } = await sameAsFlat(
      () => api().deleteInvite("invite-abc").execute(),
      () => flat().delete("invite-abc"),
    );
    expect(result.deleted).toBe(true);
    expect(request).toMatchObject({ method: "DELETE", path: "/organization/invites/invite-abc", body: "" });
  });

  it("errors are the same classes as in the flat style", async () => {
    server.reply({
      status: 404,
      body: { error: { message: "No such invite", type: "invalid_request_error", param: null, code: null } },
    });
    const err = await api()
      .retrieveInvite("missing")
      .execute()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toMatch(/No such invite/);
  });

  it("shares an existing core or flat client: its options and credentials", async () => {
    server.reply({ body: oaInvite });
    const core = new OpenAICore({
      adminApiKey: "sk-core",
      baseURL: server.baseURL,
      defaultHeaders: { "x-from": "core" },
    });
    await new InvitesApi(core).retrieveInvite("invite-abc").execute();
    expect(last().headers.authorization).toBe("Bearer sk-core");
    expect(last().headers["x-from"]).toBe("core");
    await new InvitesApi(new OpenAI({ adminApiKey: "sk-flat", baseURL: server.baseURL }))
      .retrieveInvite("invite-abc")
      .execute();
    expect(last().headers.authorization).toBe("Bearer sk-flat");
  });
});

describe("Konnect: new InvitesApi(...)", () => {
  const options = () => ({ personalAccessToken: "kpat_123", baseURL: server.baseURL, maxRetries: 0 });

  it("inviteUser().inviteUser({ email }) posts the body; 201 resolves to undefined", async () => {
    server.reply({ status: 201 });
    const { request, result } = await sameAsFlat(
      () => new KonnectInvitesApi(options()).inviteUser().inviteUser({ email: "james.c.woods@example.com" }).execute(),
      () => new Konnect(options()).invites.inviteUser({ email: "james.c.woods@example.com" }),
    );
    expect(result).toBeUndefined();
    expect(request).toMatchObject({
      method: "POST",
      path: "/v3/invites",
      url: "/v3/invites",
      body: '{"email":"james.c.woods@example.com"}',
    });
    expect(request.headers.authorization).toBe("Bearer kpat_123");
    expect(request.headers["content-type"]).toBe("application/json");
  });

  it("a 409 problem+json becomes a ConflictError", async () => {
    const problem = { status: 409, title: "Conflict", detail: "User already invited" };
    server.reply({
      status: 409,
      headers: { "content-type": "application/problem+json" },
      body: JSON.stringify(problem),
    });
    const err = await new KonnectInvitesApi(options())
      .inviteUser()
      .inviteUser({ email: "a@b.co" })
      .execute()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).body).toEqual(problem);
  });
});

describe("Trieve: new InvitationApi(...)", () => {
  const options = () => ({ apiKey: "tr-key", trOrganization: "org-1", baseURL: server.baseURL, maxRetries: 0 });
  const body = {
    email: "a@b.co",
    app_url: "https://dashboard.trieve.ai",
    redirect_uri: "https://dashboard.trieve.ai/welcome",
    user_role: 1,
  };

  it("postInvitation().invitationData({...}) sends TR-Organization from the client option, the key and the body", async () => {
    server.reply({ status: 204 });
    const { request, result } = await sameAsFlat(
      () => new InvitationApi(options()).postInvitation().invitationData(body).execute(),
      () => new Trieve(options()).invitations.send(body),
    );
    expect(result).toBeUndefined();
    expect(request).toMatchObject({ method: "POST", path: "/api/invitation", url: "/api/invitation" });
    expect(JSON.parse(request.body)).toEqual(body);
    expect(request.headers["tr-organization"]).toBe("org-1");
    expect(request.headers.authorization).toBe("tr-key");
  });

  it(".trOrganization(...) wins over the client option and stays out of the body", async () => {
    server.reply({ status: 204 });
    const { request } = await sameAsFlat(
      () => new InvitationApi(options()).postInvitation().trOrganization("org-2").invitationData(body).execute(),
      () => new Trieve(options()).invitations.send({ ...body, trOrganization: "org-2" }),
    );
    expect(request.headers["tr-organization"]).toBe("org-2");
    expect(JSON.parse(request.body)).toEqual(body);
  });
});

describe("Cloudflare: new InvitesApi(...)", () => {
  const options = () => ({ apiToken: "cf-token", baseURL: server.baseURL, maxRetries: 0 });
  const invite = {
    id: "4f5f0c14a2a41d5063dd301b2f829f04",
    invited_member_id: null,
    organization_id: "5a78",
    status: "pending",
    roles: ["Account Administrator"],
  };
  const envelope = (result: unknown) => ({ success: true, errors: [], messages: [], result });

  it("listInvites() sends GET /user/invites and walks the single page", async () => {
    server.reply({ body: { ...envelope([invite]), result_info: { page: 1, per_page: 20, count: 1, total_count: 1 } } });
    const items = [];
    for await (const item of new CloudflareInvitesApi(options()).listInvites().execute()) items.push(item);
    expect(items).toEqual([invite]);
    expect(last()).toMatchObject({ method: "GET", path: "/user/invites", url: "/user/invites", body: "" });
    expect(last().headers.authorization).toBe("Bearer cf-token");
    await sameAsFlat(
      () =>
        new CloudflareInvitesApi(options())
          .listInvites()
          .execute()
          .then((p) => p.items),
      () => new Cloudflare(options()).user.invites.list().then((p) => p.items),
    );
  });

  it("getInvite(id) unwraps the envelope", async () => {
    server.reply({ body: envelope(invite) });
    const { request, result } = await sameAsFlat(
      () => new CloudflareInvitesApi(options()).getInvite(invite.id).execute(),
      () => new Cloudflare(options()).user.invites.get(invite.id),
    );
    expect(result).toEqual(invite);
    expect(request).toMatchObject({ method: "GET", path: `/user/invites/${invite.id}` });
  });

  it("editInvite(id).inviteEditRequest({ status }) sends PATCH with email + key auth", async () => {
    server.reply({ body: envelope({ ...invite, status: "accepted" }) });
    const auth = { apiEmail: "user@example.com", apiKey: "144c9def", baseURL: server.baseURL };
    const { request, result } = await sameAsFlat(
      () => new CloudflareInvitesApi(auth).editInvite(invite.id).inviteEditRequest({ status: "accepted" }).execute(),
      () => new Cloudflare(auth).user.invites.edit(invite.id, { status: "accepted" }),
    );
    expect(result?.status).toBe("accepted");
    expect(request).toMatchObject({
      method: "PATCH",
      path: `/user/invites/${invite.id}`,
      body: '{"status":"accepted"}',
    });
    expect(request.headers["x-auth-email"]).toBe("user@example.com");
    expect(request.headers["x-auth-key"]).toBe("144c9def");
    expect(request.headers.authorization).toBeUndefined();
  });

  it("a success:false envelope rejects", async () => {
    server.reply({
      body: { success: false, errors: [{ code: 1003, message: "Invalid invite" }], messages: [], result: null },
    });
    await expect(new CloudflareInvitesApi(options()).getInvite("nope").execute()).rejects.toThrow(/Invalid invite/);
  });
});

describe("builder rules", () => {
  const api = () => new InvitesApi({ adminApiKey: "sk-admin", baseURL: server.baseURL, maxRetries: 0 });
  const listPage = { object: "list", data: [], first_id: null, last_id: null, has_more: false };

  it("is immutable: a builder reused after a setter still sends its own values", async () => {
    server.reply({ body: listPage });
    const base = api().listInvites().limit(10);
    const withCursor = base.after("invite-abc");
    const other = base.limit(99);
    await withCursor.execute();
    expect(last().url).toBe("/organization/invites?limit=10&after=invite-abc");
    await base.execute();
    expect(last().url).toBe("/organization/invites?limit=10");
    await other.execute();
    expect(last().url).toBe("/organization/invites?limit=99");
    await base.withOptions({ headers: { "x-one": "1" } }).execute();
    await base.execute();
    expect(last().headers["x-one"]).toBeUndefined();
  });

  it("setting a parameter twice keeps the last value; undefined unsets it", async () => {
    server.reply({ body: listPage });
    await api().listInvites().limit(1).limit(2).after("a").after("b").execute();
    expect([...last().query]).toEqual([
      ["limit", "2"],
      ["after", "b"],
    ]);
    await api().listInvites().limit(1).limit(undefined).execute();
    expect(last().url).toBe("/organization/invites");
  });

  it("a body set twice is replaced, not merged", async () => {
    server.reply({ body: oaInvite });
    await api()
      .inviteUser()
      .inviteRequest({ email: "first@b.co", role: "owner", projects: [] })
      .inviteRequest({ email: "second@b.co", role: "reader" })
      .execute();
    expect(JSON.parse(last().body)).toEqual({ email: "second@b.co", role: "reader" });
  });

  it("withOptions sets per-request headers, query and timeout; later fields replace earlier ones", async () => {
    server.reply({ body: listPage });
    await api()
      .listInvites()
      .withOptions({ headers: { "x-trace": "1" }, query: { extra: "yes" }, timeout: 5_000 })
      .limit(3)
      .withOptions({ headers: { "x-trace": "2" } })
      .execute();
    expect(last().headers["x-trace"]).toBe("2");
    expect(last().url).toBe("/organization/invites?limit=3&extra=yes");
  });

  it("withOptions passes the signal through: an aborted request rejects with APIUserAbortError", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      api().retrieveInvite("invite-abc").withOptions({ signal: controller.signal }).execute(),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("a missing required parameter, from untyped code, throws before anything is sent", () => {
    const before = server.requests.length;
    const untyped = api().inviteUser() as unknown as { execute(): unknown; executeRaw(): unknown };
    expect(() => untyped.execute()).toThrow(
      "inviteUser: missing required parameter 'inviteRequest' (set it with .inviteRequest(...))",
    );
    expect(() => untyped.executeRaw()).toThrow(/missing required parameter 'inviteRequest'/);
    const trieve = new InvitationApi({ apiKey: "k", trOrganization: "o", baseURL: server.baseURL })
      .postInvitation()
      .trOrganization("o2");
    expect(() => (trieve as unknown as { execute(): unknown }).execute()).toThrow(TrieveError);
    expect(() => (trieve as unknown as { execute(): unknown }).execute()).toThrow(
      "postInvitation: missing required parameter 'invitationData' (set it with .invitationData(...))",
    );
    const unset = api()
      .inviteUser()
      .inviteRequest(undefined as never);
    expect(() => unset.execute()).toThrow(/missing required parameter 'inviteRequest'/);
    expect(server.requests.length).toBe(before);
  });

  it("setters are not enumerable and builders are not thenable", () => {
    const builder = api().listInvites();
    expect(Object.keys(builder)).toEqual([]);
    expect("then" in builder).toBe(false);
  });
});
