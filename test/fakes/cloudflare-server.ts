/**
 * A stateful fake of Cloudflare's user invites API (specs/cloudflare/openapi.yaml), served under
 * `/client/v4`: list, details, and respond (`PATCH { status: accepted | rejected }`), authenticated
 * by an API token (`Authorization: Bearer`) or by the `X-Auth-Email` + `X-Auth-Key` pair. Every
 * reply, failures included, is the envelope `{ success, errors, messages, result }` (lists add
 * `result_info`); every reply carries `cf-ray`.
 *
 * Invitations reach a user from other accounts, never through this API, so `addInvite` is the
 * test's way to send one.
 */
import { createHash } from "node:crypto";
import {
  bearer,
  isRecord,
  jsonBody,
  startFakeServer,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  type RateLimit,
} from "./fake-server.js";

export const CLOUDFLARE_API_TOKEN = "cf-token-fake0000000000000000000000000000";
export const CLOUDFLARE_EMAIL = "user@example.com";
export const CLOUDFLARE_API_KEY = "144c9defac04969c7bfad8efaa8ea194";

export interface CloudflareInvite {
  invited_member_id: string | null;
  organization_id: string;
  id: string;
  expires_on: string;
  invited_by: string;
  invited_member_email: string;
  invited_on: string;
  organization_is_enforcing_twofactor: boolean;
  organization_name: string;
  roles: string[];
  status: "pending" | "accepted" | "rejected" | "expired";
}

export interface CloudflareFakeOptions {
  apiToken?: string;
  apiEmail?: string;
  apiKey?: string;
  rateLimit?: RateLimit;
}

export interface CloudflareFake extends FakeServer {
  /** Invites by id, in the order they were sent. */
  readonly invites: ReadonlyMap<string, CloudflareInvite>;
  /** Another account invites the user. */
  addInvite(fields?: Partial<CloudflareInvite>): CloudflareInvite;
}

interface Notice {
  code: number;
  message: string;
  source?: { pointer: string };
}

const DAY = 24 * 3600 * 1000;
const hex32 = (seed: string) => createHash("md5").update(seed).digest("hex");

export async function startCloudflareServer(options: CloudflareFakeOptions = {}): Promise<CloudflareFake> {
  const token = options.apiToken ?? CLOUDFLARE_API_TOKEN;
  const email = options.apiEmail ?? CLOUDFLARE_EMAIL;
  const key = options.apiKey ?? CLOUDFLARE_API_KEY;
  const invites = new Map<string, CloudflareInvite>();
  let sent = 0;

  const ok = (result: unknown, extra: Record<string, unknown> = {}): FakeReply => ({
    status: 200,
    body: { success: true, errors: [], messages: [], result, ...extra },
  });
  const fail = (status: number, ...errors: Notice[]): FakeReply => ({
    status,
    body: { success: false, errors, messages: [], result: null },
  });

  /** The invite the path names, or the failure to send. */
  const find = (req: FakeRequest): CloudflareInvite | FakeReply => {
    const id = req.params.invite_id!;
    // The identifier is at most 32 characters; anything else is not routable, as with the real API.
    if (id.length > 32)
      return fail(400, {
        code: 7003,
        message: `Could not route to /user/invites/${id}, perhaps your object identifier is invalid?`,
      });
    return invites.get(id) ?? fail(404, { code: 1003, message: "Invitation not found" });
  };

  const list = (): FakeReply => {
    const result = [...invites.values()];
    return ok(result, {
      result_info: { count: result.length, page: 1, per_page: Math.max(20, result.length), total_count: result.length },
    });
  };

  const details = (req: FakeRequest): FakeReply => {
    const found = find(req);
    return "id" in found ? ok(found) : found;
  };

  const respond = (req: FakeRequest): FakeReply => {
    const found = find(req);
    if (!("id" in found)) return found;
    const body = jsonBody(req);
    if (!isRecord(body)) return fail(400, { code: 6007, message: "Malformed JSON in request body" });
    const status = body.status;
    if (status !== "accepted" && status !== "rejected") {
      return fail(400, {
        code: 1001,
        message: `status: must be one of "accepted", "rejected"`,
        source: { pointer: "/status" },
      });
    }
    if (found.status !== "pending") return fail(400, { code: 1002, message: `Invitation is already ${found.status}` });
    found.status = status;
    return ok(found);
  };

  const server = await startFakeServer({
    basePath: "/client/v4",
    routes: [
      { method: "GET", path: "/user/invites", handle: list },
      { method: "GET", path: "/user/invites/:invite_id", handle: details },
      { method: "PATCH", path: "/user/invites/:invite_id", handle: respond },
    ],
    authenticate: (req) => {
      const sentToken = bearer(req);
      const pair = [req.headers["x-auth-email"], req.headers["x-auth-key"]];
      if (sentToken ? sentToken === token : pair[0] === email && pair[1] === key) return undefined;
      return fail(401, { code: 10000, message: "Authentication error" });
    },
    rateLimited: () => fail(429, { code: 971, message: "Please wait and consider throttling your request speed" }),
    notFound: () => fail(404, { code: 7000, message: "No route for that URI" }),
    headers: (req) => ({ "cf-ray": `${hex32(`ray${req.n}`).slice(0, 16)}-SJC` }),
    rateLimit: options.rateLimit,
  });

  return {
    ...server,
    invites,
    addInvite(fields = {}) {
      const n = ++sent;
      const now = Date.now();
      const invite: CloudflareInvite = {
        invited_member_id: hex32(`member${n}`),
        organization_id: hex32(`org${n}`),
        id: hex32(`invite${n}`),
        expires_on: new Date(now + 7 * DAY).toISOString().replace(/\.\d+Z$/, "Z"),
        invited_by: `admin${n}@example.com`,
        invited_member_email: email,
        invited_on: new Date(now).toISOString().replace(/\.\d+Z$/, "Z"),
        organization_is_enforcing_twofactor: false,
        organization_name: `Organization ${n}`,
        roles: ["Administrator Read Only"],
        status: "pending",
        ...fields,
      };
      invites.set(invite.id, invite);
      return invite;
    },
  };
}
