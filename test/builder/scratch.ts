import { InvitesApi } from "../../generated/openai/src/builder.js";
import { InvitesApi as K } from "../../generated/konnect/src/builder.js";
import OpenAI from "../../generated/openai/src/index.js";
const api = new InvitesApi({ adminApiKey: "x" });
const a = api.inviteUser().execute();
const k = new K().inviteUser().executeRaw();
const ok = api.inviteUser().inviteRequest({ email: "a", role: "owner" }).execute();
const l = api.listInvites().limit(2).after("x").withOptions({ timeout: 1 }).execute();
const bad = api.listInvites().limit("x");
const w: Promise<number> = api.retrieveInvite("x").execute();
const viaClient = new InvitesApi(new OpenAI());
async function f() { for await (const i of api.listInvites().execute()) { const id: string = i.id; } }
import type { InviteUserBuilder } from "../../generated/openai/src/builder.js";
const sneaky: InviteUserBuilder<never> = api.inviteUser();
