import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Cloudflare from "../../generated/cloudflare/src/index.js";
import Konnect from "../../generated/konnect/src/index.js";
import OpenAI from "../../generated/openai/src/index.js";
import Trieve from "../../generated/trieve/src/index.js";
import { CliBundles } from "../helpers/cli-bundle.js";
import { startRecordingServer, type RecordedRequest, type RecordingServer } from "../helpers/recording-server.js";

/**
 * Every seed operation, typed in seed 002's syntax on each package's command line, sends exactly the
 * request its flat client sends (method, path, query, headers, body) to the same recording server.
 */
let server: RecordingServer;
const cli = new CliBundles();
beforeAll(async () => {
  [server] = await Promise.all([startRecordingServer(), cli.build("cloudflare", "konnect", "openai", "trieve")]);
});
afterAll(async () => {
  await server.close();
  cli.remove();
});

/** What identifies a request; connection-level headers differ between processes and are left out. */
function wire(r: RecordedRequest) {
  const { host, connection, "keep-alive": _k, ...headers } = r.headers;
  return { method: r.method, path: r.path, query: [...r.query], headers, body: r.body };
}

/** The request the flat call sends, then the one the command sends; both must be equal. */
async function compare(flat: () => Promise<unknown>, provider: string, args: string[], env: Record<string, string>) {
  await flat();
  const viaClient = wire(server.requests.at(-1)!);
  const before = server.requests.length;
  const run = await cli.run(provider, [...args, "--base-url", server.baseURL], { env });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(server.requests.length).toBe(before + 1);
  expect(wire(server.requests.at(-1)!)).toEqual(viaClient);
  return { run, request: viaClient };
}

const cfInvite = {
  id: "4f5f0c14a2a41d5063dd301b2f829f04",
  invited_member_id: "5a78",
  organization_id: "5a78",
  status: "pending",
};
const envelope = (result: unknown) => ({ success: true, errors: [], messages: [], result });
const oaInvite = {
  object: "organization.invite",
  id: "invite-abc",
  email: "a@b.co",
  role: "reader",
  status: "pending",
};

describe("Cloudflare", () => {
  const env = { CLOUDFLARE_API_TOKEN: "cf-token" };
  const client = () => new Cloudflare({ apiToken: "cf-token", baseURL: server.baseURL, maxRetries: 0 });

  it("listInvites = client.user.invites.list(), printing the first page as sent", async () => {
    const body = { ...envelope([cfInvite]), result_info: { page: 1, per_page: 20, count: 1, total_count: 1 } };
    server.reply({ body });
    const { run } = await compare(() => client().user.invites.list(), "cloudflare", ["listInvites"], env);
    expect(JSON.parse(run.stdout)).toEqual(body);
  });

  it("getInvite invite_id=… = client.user.invites.get(id), printing the envelope's result", async () => {
    server.reply({ body: envelope(cfInvite) });
    const { run, request } = await compare(
      () => client().user.invites.get(cfInvite.id),
      "cloudflare",
      ["getInvite", `invite_id=${cfInvite.id}`],
      env,
    );
    expect(request.path).toBe(`/user/invites/${cfInvite.id}`);
    expect(JSON.parse(run.stdout)).toEqual(cfInvite);
  });

  it("editInvite invite_id=… status=accepted, with email + key auth, = client.user.invites.edit(id, { status })", async () => {
    server.reply({ body: envelope({ ...cfInvite, status: "accepted" }) });
    const keyAuth = { apiEmail: "user@example.com", apiKey: "144c9def", baseURL: server.baseURL };
    const { request } = await compare(
      () => new Cloudflare(keyAuth).user.invites.edit(cfInvite.id, { status: "accepted" }),
      "cloudflare",
      ["edit-invite", `--invite_id`, cfInvite.id, "status=accepted"],
      {
        CLOUDFLARE_EMAIL: "user@example.com",
        CLOUDFLARE_API_KEY: "144c9def",
      },
    );
    expect(request).toMatchObject({ method: "PATCH", body: '{"status":"accepted"}' });
    expect(request.headers["x-auth-key"]).toBe("144c9def");
  });
});

describe("OpenAI", () => {
  const env = { OPENAI_ADMIN_KEY: "sk-admin" };
  const client = () => new OpenAI({ adminApiKey: "sk-admin", baseURL: server.baseURL, maxRetries: 0 });

  it("listInvites limit=2 after=invite-abc = client.organization.invites.list({ limit: 2, after })", async () => {
    server.reply({ body: { object: "list", data: [oaInvite], has_more: false } });
    const { request } = await compare(
      () => client().organization.invites.list({ limit: 2, after: "invite-abc" }),
      "openai",
      ["listInvites", "limit=2", "after=invite-abc"],
      env,
    );
    expect(request.query).toEqual([
      ["limit", "2"],
      ["after", "invite-abc"],
    ]);
  });

  it("inviteUser with fields and projects:=<json> = client.organization.invites.create({...})", async () => {
    server.reply({ body: oaInvite });
    const projects = [{ id: "p", role: "member" as const }];
    const { run } = await compare(
      () => client().organization.invites.create({ email: "a@b.co", role: "reader", projects }),
      "openai",
      ["inviteUser", "email=a@b.co", "role=reader", `projects:=${JSON.stringify(projects)}`],
      env,
    );
    expect(JSON.parse(run.stdout)).toEqual(oaInvite);
  });

  it("retrieveInvite invite_id=… = client.organization.invites.retrieve(id), the id encoded", async () => {
    server.reply({ body: oaInvite });
    const { request } = await compare(
      () => client().organization.invites.retrieve("../admin"),
      "openai",
      ["retrieveInvite", "invite_id=../admin"],
      env,
    );
    expect(request.path).toBe("/organization/invites/..%2Fadmin");
  });

  it("deleteInvite inviteId=… (camelCase name) = client.organization.invites.delete(id)", async () => {
    server.reply({ body: { object: "organization.invite.deleted", id: "invite-abc", deleted: true } });
    const { run } = await compare(
      () => client().organization.invites.delete("invite-abc"),
      "openai",
      ["deleteInvite", "inviteId=invite-abc"],
      env,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ deleted: true });
  });
});

describe("Konnect", () => {
  it("inviteUser email=… = client.invites.inviteUser({ email }); 201 without a body prints nothing", async () => {
    server.reply({ status: 201 });
    const client = new Konnect({ personalAccessToken: "kpat_123", baseURL: server.baseURL });
    const { run } = await compare(
      () => client.invites.inviteUser({ email: "james.c.woods@example.com" }),
      "konnect",
      ["inviteUser", "email=james.c.woods@example.com"],
      { KONNECT_TOKEN: "kpat_123" },
    );
    expect(run.stdout).toBe("");
  });
});

describe("Trieve", () => {
  const body = {
    email: "a@b.co",
    app_url: "https://dashboard.trieve.ai",
    redirect_uri: "https://dashboard.trieve.ai/welcome",
    user_role: 1,
  };
  const args = [
    "postInvitation",
    `email=${body.email}`,
    `app_url=${body.app_url}`,
    `redirect_uri=${body.redirect_uri}`,
    "user_role=1",
  ];

  it("postInvitation with TR-Organization from TRIEVE_ORGANIZATION = client.invitations.send(body); 204 prints nothing", async () => {
    server.reply({ status: 204 });
    const client = new Trieve({ apiKey: "tr-key", trOrganization: "org-1", baseURL: server.baseURL });
    const { run, request } = await compare(() => client.invitations.send(body), "trieve", args, {
      TRIEVE_API_KEY: "tr-key",
      TRIEVE_ORGANIZATION: "org-1",
    });
    expect(run.stdout).toBe("");
    expect(request.headers["tr-organization"]).toBe("org-1");
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("TR-Organization=… by wire name wins over the variable, as trOrganization does in the client", async () => {
    server.reply({ status: 204 });
    const client = new Trieve({ apiKey: "tr-key", trOrganization: "org-1", baseURL: server.baseURL });
    const { request } = await compare(
      () => client.invitations.send({ ...body, trOrganization: "org-2" }),
      "trieve",
      [...args, "TR-Organization=org-2"],
      { TRIEVE_API_KEY: "tr-key", TRIEVE_ORGANIZATION: "org-1" },
    );
    expect(request.headers["tr-organization"]).toBe("org-2");
  });
});
