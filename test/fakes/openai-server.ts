/**
 * A stateful fake of OpenAI's organization invites API (specs/openai/openapi.yaml), served under
 * `/v1`: list with cursor paging (`limit`, `after`; `has_more`, `first_id`, `last_id`), create,
 * retrieve and delete, with an admin key as bearer token. Errors are `{ error: { message, type,
 * param, code } }`; every reply carries `x-request-id`.
 *
 * The API has no call to accept an invite (the invitee does that in a browser), so `accept(id)` is
 * the test's hook for it. An accepted invite cannot be deleted (400).
 */
import {
  bearer,
  isEmail,
  isRecord,
  jsonBody,
  startFakeServer,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  type RateLimit,
} from "./fake-server.js";

export const OPENAI_ADMIN_KEY = "sk-admin-fake000000000000000000000000000000";

export interface OpenAIInvite {
  object: "organization.invite";
  id: string;
  email: string;
  role: "owner" | "reader";
  status: "accepted" | "expired" | "pending";
  created_at: number;
  expires_at: number | null;
  accepted_at: number | null;
  projects: Array<{ id: string; role: "member" | "owner" }>;
}

export interface OpenAIFakeOptions {
  /** Accepted admin keys. Default: OPENAI_ADMIN_KEY. */
  adminKeys?: string[];
  rateLimit?: RateLimit;
}

export interface OpenAIFake extends FakeServer {
  /** Invites by id, in creation order (the order the list returns them in). */
  readonly invites: ReadonlyMap<string, OpenAIInvite>;
  /** Adds an invite as if created through the API; for seeding. */
  addInvite(email: string, role?: OpenAIInvite["role"]): OpenAIInvite;
  /** The invitee accepts (the API has no such call). */
  accept(id: string): OpenAIInvite;
}

const WEEK = 7 * 24 * 3600;

export async function startOpenAIServer(options: OpenAIFakeOptions = {}): Promise<OpenAIFake> {
  const keys = new Set(options.adminKeys ?? [OPENAI_ADMIN_KEY]);
  const invites = new Map<string, OpenAIInvite>();
  let ids = 0;

  const error = (
    status: number,
    message: string,
    param: string | null = null,
    code: string | null = null,
    type = "invalid_request_error",
  ): FakeReply => ({
    status,
    body: { error: { message, type, param, code } },
  });

  const add = (email: string, role: OpenAIInvite["role"], projects: OpenAIInvite["projects"] = []): OpenAIInvite => {
    const now = Math.floor(Date.now() / 1000);
    const invite: OpenAIInvite = {
      object: "organization.invite",
      id: `invite-${(++ids).toString(36).padStart(6, "0")}`,
      email,
      role,
      status: "pending",
      created_at: now,
      expires_at: now + WEEK,
      accepted_at: null,
      projects,
    };
    invites.set(invite.id, invite);
    return invite;
  };

  const list = (req: FakeRequest): FakeReply => {
    const rawLimit = req.query.get("limit");
    const limit = rawLimit === null ? 20 : Number(rawLimit);
    if (!Number.isInteger(limit))
      return error(
        400,
        `Invalid 'limit': expected an integer, but got '${rawLimit}' instead.`,
        "limit",
        "invalid_type",
      );
    if (limit < 1)
      return error(
        400,
        `Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${limit} instead.`,
        "limit",
        "integer_below_min_value",
      );
    if (limit > 100)
      return error(
        400,
        `Invalid 'limit': integer above maximum value. Expected a value <= 100, but got ${limit} instead.`,
        "limit",
        "integer_above_max_value",
      );
    const all = [...invites.values()];
    const after = req.query.get("after");
    let start = 0;
    if (after !== null) {
      const i = all.findIndex((x) => x.id === after);
      if (i < 0) return error(400, `Invalid 'after': no invite with id '${after}'.`, "after", "invalid_value");
      start = i + 1;
    }
    const data = all.slice(start, start + limit);
    return {
      status: 200,
      body: {
        object: "list",
        data,
        first_id: data[0]?.id ?? null,
        last_id: data.at(-1)?.id ?? null,
        has_more: start + limit < all.length,
      },
    };
  };

  const create = (req: FakeRequest): FakeReply => {
    const body = jsonBody(req);
    if (!isRecord(body)) return error(400, "We could not parse the JSON body of your request.", null, null);
    const { email, role, projects = [] } = body;
    if (email === undefined)
      return error(400, "Missing required parameter: 'email'.", "email", "missing_required_parameter");
    if (!isEmail(email))
      return error(400, `Invalid 'email': '${String(email)}' is not a valid email address.`, "email", "invalid_value");
    if (role === undefined)
      return error(400, "Missing required parameter: 'role'.", "role", "missing_required_parameter");
    if (role !== "owner" && role !== "reader")
      return error(
        400,
        `Invalid 'role': expected one of 'owner', 'reader', but got '${String(role)}'.`,
        "role",
        "invalid_value",
      );
    const okProject = (p: unknown) =>
      isRecord(p) && typeof p.id === "string" && (p.role === "member" || p.role === "owner");
    if (!Array.isArray(projects) || !projects.every(okProject))
      return error(
        400,
        "Invalid 'projects': each entry needs an 'id' and a 'role' of 'member' or 'owner'.",
        "projects",
        "invalid_value",
      );
    const taken = [...invites.values()].some(
      (x) => x.email.toLowerCase() === email.toLowerCase() && x.status === "pending",
    );
    if (taken) return error(400, `An invite for ${email} is already pending.`, "email", "invite_already_exists");
    return { status: 200, body: add(email, role, projects as OpenAIInvite["projects"]) };
  };

  const notFound = (id: string) => error(404, `No invite found with id '${id}'.`, "invite_id", null);

  const retrieve = (req: FakeRequest): FakeReply => {
    const invite = invites.get(req.params.invite_id!);
    return invite ? { status: 200, body: invite } : notFound(req.params.invite_id!);
  };

  const remove = (req: FakeRequest): FakeReply => {
    const id = req.params.invite_id!;
    const invite = invites.get(id);
    if (!invite) return notFound(id);
    if (invite.status === "accepted")
      return error(
        400,
        "Cannot delete an invite that has already been accepted.",
        "invite_id",
        "invite_already_accepted",
      );
    invites.delete(id);
    return { status: 200, body: { object: "organization.invite.deleted", id, deleted: true } };
  };

  const server = await startFakeServer({
    basePath: "/v1",
    routes: [
      { method: "GET", path: "/organization/invites", handle: list },
      { method: "POST", path: "/organization/invites", handle: create },
      { method: "GET", path: "/organization/invites/:invite_id", handle: retrieve },
      { method: "DELETE", path: "/organization/invites/:invite_id", handle: remove },
    ],
    authenticate: (req) => {
      const key = bearer(req);
      if (key && keys.has(key)) return undefined;
      if (!key)
        return error(
          401,
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        );
      // Like the real API, only the ends of a wrong key are shown.
      return error(
        401,
        `Incorrect API key provided: ${key.slice(0, 3)}*****${key.slice(-4)}.`,
        null,
        "invalid_api_key",
      );
    },
    rateLimited: (_req, ms) =>
      error(
        429,
        `Rate limit reached for requests on organization invites. Please try again in ${ms}ms.`,
        null,
        "rate_limit_exceeded",
        "requests",
      ),
    notFound: (req) => error(404, `Invalid URL (${req.method} ${req.url.split("?")[0]})`),
    headers: (req) => ({ "x-request-id": `req_fake${String(req.n).padStart(8, "0")}` }),
    rateLimit: options.rateLimit,
  });

  return {
    ...server,
    invites,
    addInvite: (email, role = "reader") => add(email, role),
    accept(id) {
      const invite = invites.get(id);
      if (!invite) throw new Error(`no invite ${id}`);
      invite.status = "accepted";
      invite.accepted_at = Math.floor(Date.now() / 1000);
      return invite;
    },
  };
}
