/**
 * The builder surface of the seed packages, at the type level. These assertions are checked by
 * `tsc -p tsconfig.json` (test/typecheck.test.ts), which covers test/: every `@ts-expect-error` line
 * must really be an error. Nothing here sends a request: calls that would are inside `compileOnly`.
 */
import { describe, expectTypeOf, it } from "vitest";
import Cloudflare from "../../generated/cloudflare/src/index.js";
import {
  InvitesApi as CloudflareInvitesApi,
  type EditInviteBuilder,
  type GetInviteBuilder,
  type InviteCollectionResponse,
} from "../../generated/cloudflare/src/builder.js";
import Konnect from "../../generated/konnect/src/index.js";
import { InvitesApi as KonnectInvitesApi, type InviteUser } from "../../generated/konnect/src/builder.js";
import OpenAI from "../../generated/openai/src/index.js";
import {
  InvitesApi,
  OpenAICore,
  type InviteRequest,
  type InviteUserBuilder,
  type ListInvitesBuilder,
  type ListInvitesItem,
  type ListInvitesResponse,
  type OpenAIOptions,
  type Page,
  type PagePromise,
  type RequestOptions,
} from "../../generated/openai/src/builder.js";
import Trieve from "../../generated/trieve/src/index.js";
import { InvitationApi, type InvitationData, type PostInvitationBuilder } from "../../generated/trieve/src/builder.js";

/** Type-checked, never run. */
const compileOnly = (_body: () => unknown): void => {};

const openai = new InvitesApi({ adminApiKey: "sk-admin" });
const flatOpenAI = new OpenAI({ adminApiKey: "sk-admin" });
const inviteRequest: InviteRequest = { email: "a@b.co", role: "reader" };

describe("OpenAI InvitesApi", () => {
  it("is built from options or from an existing core or flat client", () => {
    expectTypeOf(InvitesApi).constructorParameters.toEqualTypeOf<[client?: OpenAICore | OpenAIOptions]>();
    expectTypeOf(new InvitesApi(new OpenAICore({ adminApiKey: "k" }))).toEqualTypeOf<InvitesApi>();
    expectTypeOf(new InvitesApi(flatOpenAI)).toEqualTypeOf<InvitesApi>();
  });

  it("methods take the path parameters and return the operation's builder", () => {
    expectTypeOf(openai.listInvites).parameters.toEqualTypeOf<[]>();
    expectTypeOf(openai.listInvites()).toEqualTypeOf<ListInvitesBuilder>();
    expectTypeOf(openai.retrieveInvite).parameters.toEqualTypeOf<[inviteId: string]>();
    expectTypeOf(openai.deleteInvite).parameters.toEqualTypeOf<[inviteId: string]>();
    expectTypeOf(openai.inviteUser()).toEqualTypeOf<InviteUserBuilder<"inviteRequest">>();
  });

  it("setters take the same types as the flat params and return builders", () => {
    type ListParams = NonNullable<Parameters<OpenAI["organization"]["invites"]["list"]>[0]>;
    expectTypeOf(openai.listInvites().limit).parameter(0).toEqualTypeOf<ListParams["limit"]>();
    expectTypeOf(openai.listInvites().limit).parameter(0).toEqualTypeOf<number | undefined>();
    expectTypeOf(openai.listInvites().after).parameter(0).toEqualTypeOf<string | undefined>();
    expectTypeOf(openai.inviteUser().inviteRequest)
      .parameter(0)
      .toEqualTypeOf<Parameters<OpenAI["organization"]["invites"]["create"]>[0]>();
    expectTypeOf(openai.listInvites().limit(20).after("x")).toEqualTypeOf<ListInvitesBuilder<never>>();
    expectTypeOf(openai.inviteUser().inviteRequest(inviteRequest)).toEqualTypeOf<InviteUserBuilder<never>>();
    expectTypeOf(openai.listInvites().withOptions).parameter(0).toEqualTypeOf<RequestOptions>();
  });

  it(".execute() resolves like the flat method; .executeRaw() gives { data, response }", () => {
    type List = ReturnType<OpenAI["organization"]["invites"]["list"]>;
    expectTypeOf(openai.listInvites().execute).returns.toEqualTypeOf<List>();
    expectTypeOf(openai.listInvites().execute).returns.toEqualTypeOf<
      PagePromise<ListInvitesItem, ListInvitesResponse>
    >();
    expectTypeOf(openai.listInvites().executeRaw).returns.toEqualTypeOf<
      Promise<{ data: Page<ListInvitesItem, ListInvitesResponse>; response: Response }>
    >();
    expectTypeOf(openai.inviteUser().inviteRequest(inviteRequest).execute).returns.toEqualTypeOf<
      ReturnType<OpenAI["organization"]["invites"]["create"]>
    >();
    expectTypeOf(openai.retrieveInvite("x").execute).returns.toEqualTypeOf<
      ReturnType<OpenAI["organization"]["invites"]["retrieve"]>
    >();
    expectTypeOf(openai.deleteInvite("x").execute).returns.toEqualTypeOf<
      ReturnType<OpenAI["organization"]["invites"]["delete"]>
    >();
    expectTypeOf(openai.retrieveInvite("x").executeRaw).returns.toEqualTypeOf<
      ReturnType<ReturnType<OpenAI["organization"]["invites"]["retrieve"]>["withResponse"]>
    >();
    expectTypeOf(openai.listInvites().withOptions({ timeout: 1 }).execute).returns.toEqualTypeOf<List>();
  });

  it("a list's .execute() can be walked with for await", () => {
    compileOnly(async () => {
      for await (const invite of openai.listInvites().limit(2).execute())
        expectTypeOf(invite).toEqualTypeOf<ListInvitesItem>();
    });
  });

  it("rejects misuse at compile time", () => {
    compileOnly(() => {
      // @ts-expect-error inviteUser has a required body
      openai.inviteUser().execute();
      // @ts-expect-error the same for executeRaw
      openai.inviteUser().executeRaw();
      // @ts-expect-error withOptions does not fill required parameters
      openai.inviteUser().withOptions({ timeout: 1 }).execute();
      // @ts-expect-error a builder still missing its body is not a complete one
      const complete: InviteUserBuilder<never> = openai.inviteUser();
      // @ts-expect-error limit is a number
      openai.listInvites().limit("20");
      // @ts-expect-error no such parameter
      openai.listInvites().before("x");
      // @ts-expect-error the path parameter is an argument
      openai.retrieveInvite();
      // @ts-expect-error the body must match InviteRequest
      openai.inviteUser().inviteRequest({ email: "a@b.co" });
      return complete;
    });
  });

  it("a builder kept in a variable keeps its type; the order of setters does not matter", () => {
    const base = openai.inviteUser();
    const ready = base.inviteRequest(inviteRequest).withOptions({ maxRetries: 0 });
    expectTypeOf(ready).toEqualTypeOf<InviteUserBuilder<never>>();
    compileOnly(() => ready.execute());
  });
});

describe("Konnect InvitesApi", () => {
  const konnect = new KonnectInvitesApi({ personalAccessToken: "kpat" });

  it("inviteUser needs its body, then resolves to void like the flat method", () => {
    expectTypeOf(konnect.inviteUser().inviteUser).parameter(0).toEqualTypeOf<InviteUser>();
    expectTypeOf(konnect.inviteUser().inviteUser({ email: "a@b.co" }).execute).returns.toEqualTypeOf<
      ReturnType<Konnect["invites"]["inviteUser"]>
    >();
    compileOnly(() => {
      // @ts-expect-error the body is required
      konnect.inviteUser().execute();
      // @ts-expect-error email is required in the body
      konnect.inviteUser().inviteUser({});
      return konnect.inviteUser().inviteUser({ email: "a@b.co" }).execute();
    });
  });
});

describe("Trieve InvitationApi", () => {
  const trieve = new InvitationApi({ apiKey: "tr", trOrganization: "org" });
  const body: InvitationData = { email: "a@b.co", app_url: "u", redirect_uri: "r", user_role: 1 };

  it("the header set by a client option is optional; the body is not", () => {
    expectTypeOf(trieve.postInvitation()).toEqualTypeOf<PostInvitationBuilder<"invitationData">>();
    expectTypeOf(trieve.postInvitation().trOrganization).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(trieve.postInvitation().invitationData).parameter(0).toEqualTypeOf<InvitationData>();
    expectTypeOf(trieve.postInvitation().invitationData(body).execute).returns.toEqualTypeOf<
      ReturnType<Trieve["invitations"]["send"]>
    >();
    compileOnly(() => {
      // @ts-expect-error the body is required
      trieve.postInvitation().execute();
      // @ts-expect-error setting the header does not set the body
      trieve.postInvitation().trOrganization("org-2").execute();
      trieve.postInvitation().trOrganization("org-2").invitationData(body).execute();
      return trieve.postInvitation().invitationData(body).execute();
    });
  });
});

describe("Cloudflare InvitesApi", () => {
  const cloudflare = new CloudflareInvitesApi({ apiToken: "cf" });

  it("envelopes are unwrapped the same way in both styles", () => {
    expectTypeOf(cloudflare.listInvites().execute).returns.toEqualTypeOf<
      ReturnType<Cloudflare["user"]["invites"]["list"]>
    >();
    expectTypeOf(cloudflare.getInvite("x")).toEqualTypeOf<GetInviteBuilder>();
    expectTypeOf(cloudflare.getInvite("x").execute).returns.toEqualTypeOf<
      ReturnType<Cloudflare["user"]["invites"]["get"]>
    >();
    expectTypeOf(cloudflare.editInvite("x").inviteEditRequest({ status: "accepted" }).execute).returns.toEqualTypeOf<
      ReturnType<Cloudflare["user"]["invites"]["edit"]>
    >();
    expectTypeOf(cloudflare.editInvite("x")).toEqualTypeOf<EditInviteBuilder<"inviteEditRequest">>();
    expectTypeOf(cloudflare.editInvite).parameters.toEqualTypeOf<
      [inviteId: Parameters<Cloudflare["user"]["invites"]["edit"]>[0]]
    >();
    compileOnly(() => {
      // @ts-expect-error the body is required
      cloudflare.editInvite("x").execute();
      // @ts-expect-error status must be accepted or rejected
      cloudflare.editInvite("x").inviteEditRequest({ status: "maybe" });
      return cloudflare.editInvite("x").inviteEditRequest({ status: "rejected" }).execute();
    });
  });
});

describe("typed pages: page.body is the response schema's type, in both styles", () => {
  it("OpenAI (no envelope): the list response, so has_more and last_id type-check", () => {
    compileOnly(async () => {
      for (const page of [await flatOpenAI.organization.invites.list(), await openai.listInvites().execute()]) {
        expectTypeOf(page.body).toEqualTypeOf<ListInvitesResponse>();
        expectTypeOf(page.body.has_more).toEqualTypeOf<boolean>();
        expectTypeOf(page.items).toEqualTypeOf<ListInvitesItem[]>();
        const next = page.hasNextPage() ? await page.getNextPage() : page;
        expectTypeOf(next.body.last_id).toEqualTypeOf<string | null | undefined>();
        for await (const p of page.iterPages()) expectTypeOf(p.body).toEqualTypeOf<ListInvitesResponse>();
        // @ts-expect-error the body has no such field
        page.body.next_cursor;
      }
    });
  });

  it("Cloudflare (envelope): the whole body, envelope included, not the unwrapped result", () => {
    const cloudflare = new CloudflareInvitesApi({ apiToken: "cf" });
    const flat = new Cloudflare({ apiToken: "cf" });
    compileOnly(async () => {
      for (const page of [await flat.user.invites.list(), await cloudflare.listInvites().execute()]) {
        expectTypeOf(page.body).toEqualTypeOf<InviteCollectionResponse>();
        expectTypeOf(page.body.result_info?.total_count).toEqualTypeOf<number | undefined>();
        expectTypeOf(page.body.success).toEqualTypeOf<true>();
      }
    });
  });
});
