/**
 * A stateful fake of Kong Konnect's identity API, invitations part (specs/konnect/openapi.yaml):
 * `POST /v3/invites` with a bearer token (personal or system account). Errors are RFC 7807 problem
 * documents (`application/problem+json`); every reply carries `x-kong-request-id`, which is also the
 * problem's `instance`.
 *
 * The API only sends invitations: it has no call to list, read, accept or withdraw them. The fake
 * keeps them so a test can look (`invites`) and can play the invitee accepting (`accept`), after
 * which the address belongs to an active user and inviting it again is a 409.
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

export const KONNECT_PAT = "kpat_fake0000000000000000000000000000000000000000000";
export const KONNECT_SPAT = "spat_fake0000000000000000000000000000000000000000000";

export interface KonnectInvite {
  id: string;
  email: string;
  status: "pending" | "accepted";
  /** How many times this address was invited; a new invitation replaces the pending one. */
  sent: number;
}

export interface KonnectFakeOptions {
  /** Accepted bearer tokens. Default: KONNECT_PAT and KONNECT_SPAT. */
  tokens?: string[];
  /** Addresses that already belong to active users. */
  activeUsers?: string[];
  rateLimit?: RateLimit;
}

export interface KonnectFake extends FakeServer {
  readonly invites: ReadonlyMap<string, KonnectInvite>;
  readonly activeUsers: ReadonlySet<string>;
  /** The invitee follows the link in the email: the invite is accepted and the address becomes an active user. */
  accept(email: string): void;
}

const PROBLEM = "application/problem+json";

export async function startKonnectServer(options: KonnectFakeOptions = {}): Promise<KonnectFake> {
  const tokens = new Set(options.tokens ?? [KONNECT_PAT, KONNECT_SPAT]);
  const invites = new Map<string, KonnectInvite>();
  const activeUsers = new Set((options.activeUsers ?? []).map((e) => e.toLowerCase()));
  let inviteIds = 0;

  /** The request id, sent as `x-kong-request-id`; problems name it in `instance` as `konnect:trace:<id>`. */
  const idOf = (req: FakeRequest) => String(2287285207635123000n + BigInt(req.n));
  const traceOf = (req: FakeRequest) => `konnect:trace:${idOf(req)}`;
  const problem = (
    req: FakeRequest,
    status: number,
    title: string,
    detail: string,
    extra: Record<string, unknown> = {},
  ): FakeReply => ({
    status,
    contentType: PROBLEM,
    body: {
      status,
      title,
      ...(status === 401 || status === 403 ? { type: `https://httpstatuses.com/${status}` } : {}),
      instance: traceOf(req),
      detail,
      ...extra,
    },
  });
  const badRequest = (req: FakeRequest, detail: string, field: string, reason: string, rule?: string): FakeReply =>
    problem(req, 400, "Bad Request", detail, {
      invalid_parameters: [{ field, ...(rule ? { rule } : {}), source: "body", reason }],
    });

  const inviteUser = (req: FakeRequest): FakeReply => {
    const body = jsonBody(req);
    if (!isRecord(body)) return badRequest(req, "Could not parse request body", "body", "request format is invalid");
    const email = body.email;
    if (email === undefined || email === null || email === "")
      return badRequest(req, "", "email", "cannot be blank", "required");
    if (typeof email !== "string") return badRequest(req, "", "email", "must be a string", "is_string");
    if (!isEmail(email)) return badRequest(req, "", "email", "must be a valid email address", "invalid");
    const key = email.toLowerCase();
    if (activeUsers.has(key)) return problem(req, 409, "Resource Conflict", "User is already active");
    // Per the spec, an address that is not an active user yet gets a fresh invitation, pending or not.
    const previous = invites.get(key);
    invites.set(key, { id: `inv-${++inviteIds}`, email, status: "pending", sent: (previous?.sent ?? 0) + 1 });
    return { status: 201 };
  };

  const server = await startFakeServer({
    routes: [{ method: "POST", path: "/v3/invites", handle: inviteUser }],
    authenticate: (req) => {
      const token = bearer(req);
      if (token && tokens.has(token)) return undefined;
      return problem(req, 401, "Unauthorized", token ? "Invalid credentials" : "No credentials found");
    },
    // The spec's RateLimited problem has no `type`.
    rateLimited: (req) => ({
      status: 429,
      contentType: PROBLEM,
      body: { status: 429, title: "Rate Limited", instance: traceOf(req), detail: "Too many requests" },
    }),
    notFound: (req) => problem(req, 404, "Not Found", "Not Found"),
    headers: (req) => ({ "x-kong-request-id": idOf(req) }),
    rateLimit: options.rateLimit,
  });

  return {
    ...server,
    invites,
    activeUsers,
    accept(email) {
      const key = email.toLowerCase();
      const invite = invites.get(key);
      if (!invite) throw new Error(`no invitation was sent to ${email}`);
      invite.status = "accepted";
      activeUsers.add(key);
    },
  };
}
