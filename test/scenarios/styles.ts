import Cloudflare from "../../generated/cloudflare/src/index.js";
import { InvitesApi as CloudflareInvites } from "../../generated/cloudflare/src/builder.js";
import Konnect from "../../generated/konnect/src/index.js";
import { InvitesApi as KonnectInvites } from "../../generated/konnect/src/builder.js";
import OpenAI from "../../generated/openai/src/index.js";
import { InvitesApi as OpenAIInvites } from "../../generated/openai/src/builder.js";
import type { Logger, RequestOptions } from "../../generated/openai/src/index.js";

/** What a scenario asks of a client, whatever the calling style. */
export interface Calls {
  /** OpenAI: retrieve one invite. */
  retrieve(options?: RequestOptions): Promise<unknown>;
  /** OpenAI: every invite across pages, and how the first page looked. */
  listAll(): Promise<{ ids: string[]; firstPageHasNext: boolean }>;
  /** Cloudflare: one invite, through the envelope. */
  cloudflareGet(): Promise<unknown>;
  /** Konnect: invite a user (201, no body). */
  konnectInvite(): Promise<unknown>;
}

export interface ClientSetup {
  baseURL: string;
  maxRetries?: number;
  timeout?: number;
  logger?: Logger;
  logLevel?: "debug";
}

export type Style = (setup: ClientSetup) => Calls;

const openai = (s: ClientSetup) => ({ adminApiKey: "sk-admin-secret", ...s });
const cloudflare = (s: ClientSetup) => ({ apiToken: "cf-token-secret", ...s });
const konnect = (s: ClientSetup) => ({ personalAccessToken: "kpat-secret", ...s });

async function collect(iterable: AsyncIterable<{ id: string }>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) ids.push(item.id);
  return ids;
}

/** The same scenarios through `client.organization.invites.retrieve(...)`... */
export const flat: Style = (setup) => ({
  retrieve: (options) => new OpenAI(openai(setup)).organization.invites.retrieve("invite-abc", options),
  listAll: async () => {
    const client = new OpenAI(openai(setup));
    const first = await client.organization.invites.list({ limit: 1 });
    return {
      ids: await collect(client.organization.invites.list({ limit: 1 })),
      firstPageHasNext: first.hasNextPage(),
    };
  },
  cloudflareGet: () => new Cloudflare(cloudflare(setup)).user.invites.get("4f5f0c14"),
  konnectInvite: () => new Konnect(konnect(setup)).invites.inviteUser({ email: "a@example.com" }),
});

/** ...and through `api.retrieveInvite(...).execute()`. */
export const builder: Style = (setup) => ({
  retrieve: (options) =>
    new OpenAIInvites(openai(setup))
      .retrieveInvite("invite-abc")
      .withOptions(options ?? {})
      .execute(),
  listAll: async () => {
    const api = new OpenAIInvites(openai(setup));
    const first = await api.listInvites().limit(1).execute();
    return { ids: await collect(api.listInvites().limit(1).execute()), firstPageHasNext: first.hasNextPage() };
  },
  cloudflareGet: () => new CloudflareInvites(cloudflare(setup)).getInvite("4f5f0c14").execute(),
  konnectInvite: () => new KonnectInvites(konnect(setup)).inviteUser().inviteUser({ email: "a@example.com" }).execute(),
});

export const SECRETS = ["sk-admin-secret", "cf-token-secret", "kpat-secret"];
