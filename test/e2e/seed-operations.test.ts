import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Cloudflare from "../../generated/cloudflare/src/index.js";
import Konnect, { ConflictError } from "../../generated/konnect/src/index.js";
import OpenAI, { NotFoundError } from "../../generated/openai/src/index.js";
import Trieve, { BadRequestError } from "../../generated/trieve/src/index.js";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server.js";

/** Every seed operation, called through its generated flat client, sends exactly this request and returns this value. */
let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const last = () => server.requests[server.requests.length - 1]!;
const invite = {
  id: "4f5f0c14a2a41d5063dd301b2f829f04",
  invited_member_id: "5a7805061c76ada191ed06f989cc3dac",
  organization_id: "5a7805061c76ada191ed06f989cc3dac",
  status: "pending",
  roles: ["Account Administrator"],
};
const envelope = (result: unknown) => ({ success: true, errors: [], messages: [], result });

describe("Cloudflare: client.user.invites", () => {
  const client = () => new Cloudflare({ apiToken: "cf-token", baseURL: server.baseURL, maxRetries: 0 });

  it("list() sends GET /user/invites with the bearer token and yields each invite", async () => {
    server.reply({ body: { ...envelope([invite]), result_info: { page: 1, per_page: 20, count: 1, total_count: 1 } } });
    const items = [];
    for await (const item of client().user.invites.list()) items.push(item);
    expect(items).toEqual([invite]);
    expect(last()).toMatchObject({ method: "GET", path: "/user/invites", body: "" });
    expect(last().headers.authorization).toBe("Bearer cf-token");
  });

  it("get(id) unwraps the envelope's result", async () => {
    server.reply({ body: envelope(invite) });
    const result = await client().user.invites.get(invite.id);
    expect(result).toEqual(invite);
    expect(last()).toMatchObject({ method: "GET", path: `/user/invites/${invite.id}` });
  });

  it("edit(id, { status }) sends PATCH with a JSON body, using email + key auth", async () => {
    server.reply({ body: envelope({ ...invite, status: "accepted" }) });
    const cf = new Cloudflare({ apiEmail: "user@example.com", apiKey: "144c9def", baseURL: server.baseURL });
    const result = await cf.user.invites.edit(invite.id, { status: "accepted" });
    expect(result?.status).toBe("accepted");
    expect(last()).toMatchObject({
      method: "PATCH",
      path: `/user/invites/${invite.id}`,
      body: '{"status":"accepted"}',
    });
    expect(last().headers["content-type"]).toMatch(/^application\/json/);
    expect(last().headers["x-auth-email"]).toBe("user@example.com");
    expect(last().headers["x-auth-key"]).toBe("144c9def");
    expect(last().headers.authorization).toBeUndefined();
  });

  it("a success:false envelope throws with the envelope's errors", async () => {
    server.reply({
      body: { success: false, errors: [{ code: 1003, message: "Invalid invite" }], messages: [], result: null },
    });
    await expect(client().user.invites.get("nope")).rejects.toThrow(/Invalid invite/);
  });
});

describe("OpenAI: client.organization.invites", () => {
  const client = () => new OpenAI({ adminApiKey: "sk-admin", baseURL: server.baseURL, maxRetries: 0 });
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

  it("list({ limit, after }) sends the query and pages with after=<last id>", async () => {
    server.reply(
      { body: { object: "list", data: [oaInvite], first_id: "invite-abc", last_id: "invite-abc", has_more: true } },
      {
        body: {
          object: "list",
          data: [{ ...oaInvite, id: "invite-def" }],
          first_id: "invite-def",
          last_id: "invite-def",
          has_more: false,
        },
      },
    );
    const before = server.requests.length;
    const ids = [];
    for await (const item of client().organization.invites.list({ limit: 1, after: "invite-000" })) ids.push(item.id);
    expect(ids).toEqual(["invite-abc", "invite-def"]);
    const [first, second] = server.requests.slice(before);
    expect(first).toMatchObject({ method: "GET", path: "/organization/invites" });
    expect(Object.fromEntries(first!.query)).toEqual({ limit: "1", after: "invite-000" });
    expect(Object.fromEntries(second!.query)).toEqual({ limit: "1", after: "invite-abc" });
    expect(first!.headers.authorization).toBe("Bearer sk-admin");
  });

  it("create({ email, role }) posts the body and returns the invite", async () => {
    server.reply({ body: oaInvite });
    const result = await client().organization.invites.create({ email: "a@b.co", role: "reader" });
    expect(result.id).toBe("invite-abc");
    expect(last()).toMatchObject({ method: "POST", path: "/organization/invites" });
    expect(JSON.parse(last().body)).toEqual({ email: "a@b.co", role: "reader" });
  });

  it("retrieve(id) encodes the id into the path", async () => {
    server.reply({ body: oaInvite });
    await client().organization.invites.retrieve("../admin");
    expect(last()).toMatchObject({ method: "GET", path: "/organization/invites/..%2Fadmin" });
  });

  it("delete(id) sends DELETE and returns the deletion result", async () => {
    server.reply({ body: { object: "organization.invite.deleted", id: "invite-abc", deleted: true } });
    const result = await client().organization.invites.delete("invite-abc");
    expect(result.deleted).toBe(true);
    expect(last()).toMatchObject({ method: "DELETE", path: "/organization/invites/invite-abc", body: "" });
  });

  it("a 404 throws NotFoundError with the parsed body", async () => {
    server.reply({
      status: 404,
      body: { error: { message: "No such invite", type: "invalid_request_error", param: null, code: null } },
    });
    const err = await client()
      .organization.invites.retrieve("missing")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).status).toBe(404);
    expect((err as NotFoundError).message).toMatch(/No such invite/);
  });
});

describe("Konnect: client.invites.inviteUser", () => {
  const client = () => new Konnect({ personalAccessToken: "kpat_123", baseURL: server.baseURL, maxRetries: 0 });

  it("posts { email } with the personal access token and resolves to void on 201", async () => {
    server.reply({ status: 201 });
    const result = await client().invites.inviteUser({ email: "james.c.woods@example.com" });
    expect(result).toBeUndefined();
    expect(last()).toMatchObject({
      method: "POST",
      path: "/v3/invites",
      body: '{"email":"james.c.woods@example.com"}',
    });
    expect(last().headers.authorization).toBe("Bearer kpat_123");
  });

  it("a 409 problem+json body becomes a ConflictError with the parsed problem", async () => {
    const problem = { status: 409, title: "Conflict", instance: "kong:trace:1", detail: "User already invited" };
    server.reply({
      status: 409,
      headers: { "content-type": "application/problem+json" },
      body: JSON.stringify(problem),
    });
    const err = await client()
      .invites.inviteUser({ email: "a@b.co" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).body).toEqual(problem);
  });
});

describe("Trieve: client.invitations.send", () => {
  it("sends TR-Organization from the client option, the API key, and the snake_case body; 204 → void", async () => {
    server.reply({ status: 204 });
    const client = new Trieve({ apiKey: "tr-key", trOrganization: "org-1", baseURL: server.baseURL });
    const body = {
      email: "a@b.co",
      app_url: "https://dashboard.trieve.ai",
      redirect_uri: "https://dashboard.trieve.ai/welcome",
      user_role: 1,
    };
    const result = await client.invitations.send(body);
    expect(result).toBeUndefined();
    expect(last()).toMatchObject({ method: "POST", path: "/api/invitation" });
    expect(JSON.parse(last().body)).toEqual(body);
    expect(last().headers["tr-organization"]).toBe("org-1");
    expect(last().headers.authorization).toBe("tr-key");
  });

  it("a per-call trOrganization wins over the client's, and is not sent in the body", async () => {
    server.reply({ status: 204 });
    const client = new Trieve({ apiKey: "tr-key", trOrganization: "org-1", baseURL: server.baseURL });
    await client.invitations.send({
      trOrganization: "org-2",
      email: "a@b.co",
      app_url: "u",
      redirect_uri: "r",
      user_role: 0,
    });
    expect(last().headers["tr-organization"]).toBe("org-2");
    expect(JSON.parse(last().body)).not.toHaveProperty("trOrganization");
  });

  it("without TR-Organization (no option, no variable, no argument) it throws before sending", async () => {
    const saved = process.env.TRIEVE_ORGANIZATION;
    delete process.env.TRIEVE_ORGANIZATION;
    try {
      const before = server.requests.length;
      const client = new Trieve({ apiKey: "tr-key", baseURL: server.baseURL });
      await expect(
        client.invitations.send({ email: "a@b.co", app_url: "u", redirect_uri: "r", user_role: 0 }),
      ).rejects.toThrow(/missing required header parameter `TR-Organization`/);
      expect(server.requests.length).toBe(before);
    } finally {
      if (saved !== undefined) process.env.TRIEVE_ORGANIZATION = saved;
    }
  });

  it("a 400 throws BadRequestError with the message from the body", async () => {
    server.reply({ status: 400, body: { message: "Invalid email" } });
    const client = new Trieve({ apiKey: "tr-key", trOrganization: "org-1", baseURL: server.baseURL, maxRetries: 0 });
    const err = await client.invitations
      .send({ email: "bad", app_url: "u", redirect_uri: "r", user_role: 0 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).message).toMatch(/Invalid email/);
  });
});
