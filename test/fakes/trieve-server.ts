/**
 * A stateful fake of Trieve's invitation endpoint (specs/trieve/openapi.yaml): `POST /api/invitation`
 * with the API key as the whole `Authorization` header (a `Bearer ` prefix also works) and the
 * organization in `TR-Organization`; 204 without a body on success; errors are `{ message }`.
 *
 * The caller is the key's user, an admin (role 1) unless told otherwise. The API has no call to list
 * or accept invitations; `invitations` shows them and `accept(email)` plays the invitee setting their
 * password, after which the address is a member.
 */
import { randomUUID } from "node:crypto";
import {
  isEmail,
  isRecord,
  jsonBody,
  startFakeServer,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  type RateLimit,
} from "./fake-server.js";

export const TRIEVE_API_KEY = "tr-fake00000000000000000000000000";
export const TRIEVE_ORGANIZATION = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

export interface TrieveInvitation {
  id: string;
  email: string;
  organization_id: string;
  user_role: number;
  app_url: string;
  redirect_uri: string;
  scopes: string[] | null;
}

export interface TrieveFakeOptions {
  apiKey?: string;
  organization?: string;
  /** The key's user: their address (they cannot invite themselves) and role (0 user, 1 admin, 2 owner). */
  caller?: { email: string; role: 0 | 1 | 2 };
  /** Addresses already in the organization. */
  members?: string[];
  rateLimit?: RateLimit;
}

export interface TrieveFake extends FakeServer {
  /** Pending invitations by lower-cased address. */
  readonly invitations: ReadonlyMap<string, TrieveInvitation>;
  readonly members: ReadonlySet<string>;
  /** The invitee sets their password: they join with the invited role. */
  accept(email: string): void;
}

const REQUIRED = ["user_role", "email", "app_url", "redirect_uri"] as const;

export async function startTrieveServer(options: TrieveFakeOptions = {}): Promise<TrieveFake> {
  const apiKey = options.apiKey ?? TRIEVE_API_KEY;
  const organization = options.organization ?? TRIEVE_ORGANIZATION;
  const caller = options.caller ?? { email: "admin@example.com", role: 1 };
  const invitations = new Map<string, TrieveInvitation>();
  const members = new Set([caller.email, ...(options.members ?? [])].map((e) => e.toLowerCase()));

  const message = (status: number, text: string): FakeReply => ({ status, body: { message: text } });

  const invite = (req: FakeRequest): FakeReply => {
    const body = jsonBody(req);
    // Like the real server (actix-web's JSON extractor), a body that does not deserialize is a 400.
    if (!isRecord(body)) return message(400, "Json deserialize error: expected value at line 1 column 1");
    const missing = REQUIRED.find((f) => body[f] === undefined || body[f] === null);
    if (missing) return message(400, `Json deserialize error: missing field \`${missing}\``);
    const { email, user_role: role, app_url, redirect_uri, scopes } = body;
    if (typeof email !== "string" || typeof app_url !== "string" || typeof redirect_uri !== "string")
      return message(400, "Json deserialize error: invalid type, expected a string");
    if (!Number.isInteger(role) || (role as number) < 0 || (role as number) > 2)
      return message(400, "Invalid user role");
    if (
      scopes !== undefined &&
      scopes !== null &&
      !(Array.isArray(scopes) && scopes.every((s) => typeof s === "string"))
    )
      return message(400, "Json deserialize error: invalid type for `scopes`");
    if (!isEmail(email)) return message(400, "Invalid email");
    const key = email.toLowerCase();
    if (key === caller.email.toLowerCase()) return message(400, "You cannot invite yourself");
    if ((role as number) > caller.role) return message(400, "Can not invite user with higher role than yours");
    if (members.has(key)) return message(400, `User with email ${email} is already in the organization`);
    if (invitations.has(key)) return message(400, `User with email ${email} has already been invited`);
    invitations.set(key, {
      id: randomUUID(),
      email,
      organization_id: organization,
      user_role: role as number,
      app_url,
      redirect_uri,
      scopes: (scopes as string[] | null | undefined) ?? null,
    });
    return { status: 204 };
  };

  const server = await startFakeServer({
    routes: [{ method: "POST", path: "/api/invitation", handle: invite }],
    authenticate: (req) => {
      const auth = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
      // No usable credentials for the organization named in TR-Organization, whichever part is wrong.
      if (auth !== apiKey || req.headers["tr-organization"] !== organization) return message(401, "Unauthorized");
      // The endpoint is guarded for admins and owners.
      return caller.role < 1 ? message(403, "Forbidden") : undefined;
    },
    rateLimited: () => message(429, "Too many requests, please slow down"),
    notFound: () => message(404, "Not Found"),
    rateLimit: options.rateLimit,
  });

  return {
    ...server,
    invitations,
    members,
    accept(email) {
      const key = email.toLowerCase();
      if (!invitations.delete(key)) throw new Error(`no pending invitation for ${email}`);
      members.add(key);
    },
  };
}
